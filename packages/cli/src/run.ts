// The CLI engine: turns argv into one operation call of an SDK client, driven only by the generated
// model, and returns the exit code (0 success, 1 API or connection error, 2 usage error).
import { writeFileSync } from "node:fs";
import { ApiError, InvalidResponseError } from "@repo/client";
import { commandName, envNames, type CliOperation, type PaginationDescriptor } from "@repo/model";
import type { RequestOptions } from "@repo/client";
import { iterateItems } from "@repo/client/internal";
import { builtinHelp, login, logout } from "./account.js";
import { mockHelp, serveMockCommand } from "./mock-command.js";
import { processIo, type CliApp, type CliIo, type McpCommand } from "./app.js";
import { globalFlags, operationFlags } from "./flags.js";
import { commandHelp, rootHelp, type BuiltinCommand } from "./help.js";
import { Output } from "./output.js";
import { buildParams } from "./params.js";
import { parseCommandLine, positionalsOf, type CommandLine } from "./parse.js";
import { reportError } from "./error-report.js";
import { openSession, requestOptions, resolveToken } from "./session.js";
import { didYouMean } from "./suggest.js";
import { completionScript } from "./completion.js";
import { listProfiles } from "./profiles.js";
import { applyQuery, formatValue, loadFormatters, parseFormat } from "./format.js";
import { safeText } from "./terminal-text.js";
import { waitInCli, waitTimeout } from "./wait.js";
import { ExitCode, UsageError } from "./usage-error.js";

export { processIo, type CliApp, type CliClient, type CliIo } from "./app.js";

export async function runCli(given: CliApp, io: CliIo = processIo()): Promise<number> {
  const app: CliApp = { ...given, loginOperation: given.loginOperation ?? given.model.login ?? undefined };
  const output = new Output(io.stdout, io.stderr, io.stdoutIsTTY);
  const bin = app.model.api;
  const verbose = io.argv.includes("--verbose");
  // Known before any parsing, so even a mistake that echoes an argument cannot print a token.
  output.addSecret(io.env[app.model.env.token]);
  io.argv.forEach((arg, i) => {
    for (const flag of ["--token", "--session"]) {
      if (arg === flag) output.addSecret(io.argv[i + 1]);
      else if (arg.startsWith(`${flag}=`)) output.addSecret(arg.slice(flag.length + 1));
    }
  });
  try {
    return await dispatch(app, io, output);
  } catch (error) {
    return reportError(error, output, bin, verbose);
  }
}

const builtins = (app: CliApp): BuiltinCommand[] => [
  {
    name: "login",
    summary: app.loginOperation
      ? `Check a token with \`${commandName({ operationId: app.loginOperation })}\` and store it (--token <token>, or pipe it on stdin)`
      : "Store a token (--token <token>, or pipe it on stdin)",
  },
  { name: "logout", summary: "Forget the stored token (--profile <name>: that profile's)" },
  { name: "profiles", summary: "List the stored logins, the active one marked (tokens are never shown)" },
  { name: "mock", summary: "Serve a stateful mock of the API until Ctrl-C (--port, --strict, --static)" },
  { name: "mcp", summary: "Serve the API to AI assistants: an MCP server over stdio, one tool per operation (--read-only, --mock)" },
  { name: "completion", summary: "Print a shell completion script: completion bash|zsh|fish" },
  { name: "help", summary: "Show help for a command: help <command>" },
];

const COMPLETION_HELP = (bin: string) =>
  [
    `${bin} completion bash|zsh|fish — print a script that completes commands, flags and enum values.`,
    "",
    `  bash: source <(${bin} completion bash)            # in ~/.bashrc, or save it to ~/.local/share/bash-completion/completions/${bin}`,
    `  zsh:  source <(${bin} completion zsh)             # in ~/.zshrc (after compinit)`,
    `  fish: ${bin} completion fish > ~/.config/fish/completions/${bin}.fish`,
    "",
  ].join("\n");

async function dispatch(app: CliApp, io: CliIo, output: Output): Promise<number> {
  const { model } = app;
  const bin = model.api;
  const positionals = positionalsOf(io.argv);
  const loose = parseCommandLine(io.argv, [], false);
  const [command, ...rest] = positionals;
  const operations = new Map(model.operations.map((op) => [commandName(op), op]));
  const namespaces = new Set(model.operations.flatMap((op) => (op.namespace ? [op.namespace.replaceAll(".", "/")] : [])));

  if (command === undefined) {
    if (loose.globals.version) return print(output, `${bin} ${app.version} (${model.title} ${model.version}, spec ${model.specHash})\n`);
    if (loose.globals.help) return print(output, rootHelp(model, builtins(app)));
    output.err(rootHelp(model, builtins(app)));
    return ExitCode.usage;
  }
  if (command === "help") {
    const [topic] = rest;
    if (topic === undefined || topic === "help") return print(output, rootHelp(model, builtins(app)));
    if (topic === "login" || topic === "logout") return print(output, builtinHelp(app, topic));
    if (topic === "mock") return print(output, mockHelp(app));
    if (topic === "mcp") return print(output, (await mcpOf(app)).mcpHelp(app));
    if (topic === "completion") return print(output, COMPLETION_HELP(bin));
    const op = operations.get(topic);
    if (op) return print(output, await commandHelp(model, op, helpView(io)));
    if (namespaces.has(topic)) return print(output, rootHelp(model, builtins(app), topic.replaceAll("/", ".")));
    throw unknownCommand(topic, operations, namespaces, bin);
  }
  if (command === "login" || command === "logout") {
    if (loose.globals.help) return print(output, builtinHelp(app, command));
    const line = parseCommandLine(io.argv, []);
    rejectExtraPositionals(line, bin, command);
    return command === "login" ? login(app, io, output, line) : logout(app, io, output, line);
  }
  if (command === "profiles") {
    const line = parseCommandLine(io.argv, []);
    rejectExtraPositionals(line, bin, command);
    return listProfiles(app, io, output, line);
  }
  if (command === "mock") {
    if (loose.globals.help) return print(output, mockHelp(app));
    return serveMockCommand(app, io, output, io.argv);
  }
  if (command === "completion") {
    if (loose.globals.help) return print(output, COMPLETION_HELP(bin));
    if (rest.length > 1) throw new UsageError(`Unexpected argument "${rest[1]}".`, `Run \`${bin} completion --help\`.`);
    return print(output, completionScript(model, builtins(app), rest[0]));
  }
  if (command === "mcp") {
    // loaded only here: the MCP SDK is no weight for the other commands
    const { mcpHelp, serveMcpCommand } = await mcpOf(app);
    if (loose.globals.help) return print(output, mcpHelp(app));
    return serveMcpCommand(app, io, output);
  }
  const op = operations.get(command);
  if (!op) {
    if (namespaces.has(command)) {
      const help = rootHelp(model, builtins(app), command.replaceAll("/", "."));
      if (loose.globals.help) return print(output, help);
      throw new UsageError(`${command} is a group of commands; choose one:\n${help.trimEnd()}`);
    }
    throw unknownFlagBefore(io.argv, command, bin) ?? unknownCommand(command, operations, namespaces, bin);
  }
  if (loose.globals.help) return print(output, await commandHelp(model, op, helpView(io)));
  const flags = operationFlags(op);
  const line = parseCommandLine(io.argv, flags);
  rejectExtraPositionals(line, bin, command);
  const params = await buildParams(model, op, flags, line, io.readStdin);
  return call(app, io, output, op, params, line);
}

/** Help fits the terminal (at most 100 columns) and colours code spans there, unless NO_COLOR or TERM=dumb. */
const helpView = (io: CliIo) => ({ width: Math.min(100, io.columns || 100), color: io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== "dumb" });

/** The `mcp` command, loaded on first use (a CLI built without it says so). */
async function mcpOf(app: CliApp): Promise<McpCommand> {
  if (!app.mcp) throw new UsageError(`This ${app.model.api} CLI was built without an MCP server: \`mcp\` is not available.`);
  return app.mcp();
}

function print(output: Output, text: string): number {
  output.out(text);
  return ExitCode.ok;
}

function unknownCommand(command: string, operations: Map<string, CliOperation>, namespaces: Set<string>, bin: string): UsageError {
  const candidates = [...operations.keys(), ...namespaces, "login", "logout", "profiles", "mock", "mcp", "completion", "help"];
  return new UsageError(`Unknown command "${command}".${didYouMean(command, candidates)}`, `Run \`${bin} --help\` for the list of commands.`);
}

/** `cloudnexus --stauts x instances/list`: the "command" is the value of a flag nobody knows; say so. */
function unknownFlagBefore(argv: readonly string[], command: string, bin: string): UsageError | undefined {
  const previous = argv[argv.indexOf(command) - 1];
  if (!previous?.startsWith("--") || previous.includes("=") || globalFlags.some((g) => `--${g.flag}` === previous)) return undefined;
  return new UsageError(
    `Unknown flag ${previous} before the command.${didYouMean(previous.slice(2), globalFlags.map((g) => g.flag), "--")}`,
    `Put a command's own flags after it: \`${bin} <command> --flag value\`.`,
  );
}

function rejectExtraPositionals(line: CommandLine, bin: string, command: string): void {
  const extra = line.positionals.slice(1);
  if (extra.length) {
    throw new UsageError(
      `Unexpected argument "${extra[0]}": values go after their flag (--name value).`,
      `Run \`${bin} ${command} --help\` for its flags.`,
    );
  }
}

async function call(app: CliApp, io: CliIo, output: Output, op: CliOperation, params: Record<string, unknown>, line: CommandLine): Promise<number> {
  const { globals } = line;
  if (globals.all && !op.pagination) {
    throw new UsageError(`--all follows pagination, and ${commandName(op)} is not paginated.`);
  }
  if (globals.all && globals.include) throw new UsageError("--include shows one response; it cannot be combined with --all.");
  if ((globals.wait || globals.waitTimeout !== undefined) && !op.wait) {
    throw new UsageError(`--wait waits for long-running work, and ${commandName(op)} starts none.`);
  }
  const timeout = waitTimeout(globals.waitTimeout);
  const raw = op.parseAs === "text" || op.parseAs === "blob";
  if (raw) rawAnswerChecks(op, line, io);
  const format = parseFormat(globals.output);
  await loadFormatters(format, globals.query);
  // what the user reads: the query's selection, in the chosen format (checked before any request)
  if (globals.query !== undefined) applyQuery({}, globals.query);
  const print = (value: unknown) =>
    output.out(
      // a JSON answer that is a string stays JSON (`"token"`), so the output parses; a --query scalar prints bare
      format === "json" && globals.query === undefined && typeof value === "string" && !raw
        ? `${JSON.stringify(value)}\n`
        : formatValue(applyQuery(value, globals.query), {
            format,
            pretty: output.pretty,
            // a pseudo-terminal without a size reports 0 columns
            width: io.columns || 120,
            color: io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== "dumb",
            items: op.pagination?.items,
            // the spec's columns describe the answer as it is, not a query's reshaping of it
            columns: globals.query === undefined ? (op.columns ?? undefined) : undefined,
          })
    );
  const options = requestOptions(line);
  const session = await openSession(app, io, output, line, resolveToken(app, io, line, output));
  try {
    if (globals.all && op.pagination) {
      const send = (p: Record<string, unknown>, o?: RequestOptions) => session.client.request(op.operationId, p, o);
      const { page, pageSize, items, meta } = op.pagination;
      const pagination: PaginationDescriptor = { page, pageSize, items, ...(meta ? { meta } : {}) };
      if (format === "json" && globals.query === undefined) {
        for await (const item of iterateItems(send, pagination, params, options)) output.jsonLine(item);
        return ExitCode.ok;
      }
      // a table, YAML or a query needs every item first: one list, as if the API had answered it at once
      const all: unknown[] = [];
      for await (const item of iterateItems(send, pagination, params, options)) all.push(item);
      print(all);
      return ExitCode.ok;
    }
    try {
      const { data, response } = await session.client.request(op.operationId, params, options);
      if (globals.include) output.head(response);
      if (raw) {
        await writeRawAnswer(data, globals.outFile, output, io.stdoutIsTTY);
        return ExitCode.ok;
      }
      if ((globals.wait || globals.waitTimeout !== undefined) && op.wait) {
        return await waitInCli({ bin: app.model.api, client: session.client, wait: op.wait, first: { data, response }, timeout, quiet: globals.quiet, io, output, print });
      }
      if (globals.outFile !== undefined) writeFileSync(globals.outFile, formatValue(applyQuery(data, globals.query), { format, pretty: true, width: 120, color: false, items: op.pagination?.items }));
      else print(data);
    } catch (error) {
      if (globals.include && (error instanceof ApiError || error instanceof InvalidResponseError)) output.head(error.response);
      throw error;
    }
    return ExitCode.ok;
  } finally {
    await session.stop();
  }
}


/** A text or binary answer is printed as it came: JSON-only flags do not apply, a terminal gets no bytes. */
function rawAnswerChecks(op: CliOperation, line: CommandLine, io: CliIo): void {
  const types = (op.successContentTypes ?? []).join(", ");
  for (const [given, flag] of [[line.globals.query, "--query"], [line.globals.output, "-o"]] as const) {
    if (given !== undefined) throw new UsageError(`${flag} applies to JSON answers; ${commandName(op)} answers ${types}, printed as it comes.`);
  }
  if (op.parseAs === "blob" && io.stdoutIsTTY && line.globals.outFile === undefined) {
    throw new UsageError(`${commandName(op)} answers bytes (${types}), which a terminal cannot show.`, "Give --out-file <file>, or pipe it: > file.");
  }
}

/** A string to stdout as is (its controls escaped on a terminal), a Blob's bytes as they came; or either to --out-file. */
async function writeRawAnswer(data: unknown, outFile: string | undefined, output: Output, terminal: boolean): Promise<void> {
  const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : undefined;
  const text = bytes ? "" : typeof data === "string" ? data : data === undefined ? "" : String(data);
  if (outFile !== undefined) writeFileSync(outFile, bytes ?? text);
  else if (bytes) output.bytes(bytes);
  else output.out(terminal ? safeText(text) : text);
}
