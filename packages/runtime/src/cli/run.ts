// The CLI engine: turns argv into one operation call of an SDK client, driven only by the generated
// model, and returns the exit code (0 success, 1 API or connection error, 2 usage error).
import { readFileSync } from "node:fs";
import { ApiError, ConnectionError, InvalidResponseError } from "../errors.js";
import type { ClientOptions, PreferOptions, RequestOptions } from "../options.js";
import type { PaginationDescriptor } from "../descriptor.js";
import { startPrism } from "../mock/prism.js";
import { iterateItems } from "../pagination.js";
import { bodyModeOf } from "./body.js";
import { configPath, readConfig, removeStoredToken, writeConfig } from "./config.js";
import { globalFlags, isJsonBody, operationFlags, type OperationFlag } from "./flags.js";
import { commandHelp, rootHelp, type BuiltinCommand } from "./help.js";
import { commandName, envNames, type CliModel, type ModelOperation } from "./model.js";
import { Output, type TextSink } from "./output.js";
import { parseCommandLine, positionalsOf, type CommandLine } from "./parse.js";
import { didYouMean } from "./suggest.js";
import { CliFailure, ExitCode, UsageError } from "./usage-error.js";
import { validateInput } from "./validate.js";
import { flagValue, readData } from "./values.js";

/** What the engine needs of an SDK client: the generic call by operationId. */
export interface CliClient {
  request(operationId: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<{ data: unknown; response: Response }>;
}

/** One API's CLI: its model and how to make its client. Everything else is derived. */
export interface CliApp {
  model: CliModel;
  createClient(token: string | undefined, options: ClientOptions): CliClient;
  /** The operation `login` calls to check a token (Cloudnode: `auth.check`, CloudNexus: `me`). */
  loginOperation: string;
  /** The bundled spec `--mock` serves with Prism. */
  specFile: string;
  /** The package version, for `--version` and the User-Agent. */
  version: string;
}

/** The process around the CLI (injectable for tests). */
export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: TextSink;
  stderr: TextSink;
  /** Whether stdout is a terminal: pretty JSON there, compact in a pipe. */
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  readStdin(): string;
}

export function processIo(): CliIo {
  // `cloudnexus instances/list --all | head -1`: the reader left, which is not an error of ours
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: () => readFileSync(0, "utf8"),
  };
}

/** A token for `--mock` when none is configured: Prism checks that credentials are present, not what they are. */
const MOCK_TOKEN = "mock-token";

export async function runCli(app: CliApp, io: CliIo = processIo()): Promise<number> {
  const output = new Output(io.stdout, io.stderr, io.stdoutIsTTY);
  const bin = app.model.api;
  const verbose = io.argv.includes("--verbose");
  // Known before any parsing, so even a mistake that echoes an argument cannot print a token.
  output.addSecret(io.env[envNames(app.model).token]);
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
  { name: "login", summary: `Check a token with \`${commandName({ operationId: app.loginOperation })}\` and store it (--token <token>, or pipe it on stdin)` },
  { name: "logout", summary: "Forget the stored token" },
  { name: "help", summary: "Show help for a command: help <command>" },
];

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
    if (topic === undefined) return print(output, rootHelp(model, builtins(app)));
    const op = operations.get(topic);
    if (op) return print(output, commandHelp(model, op));
    if (namespaces.has(topic)) return print(output, rootHelp(model, builtins(app), topic.replaceAll("/", ".")));
    throw unknownCommand(topic, operations, namespaces, bin);
  }
  if (command === "login" || command === "logout") {
    if (loose.globals.help) return print(output, builtinHelp(app, command));
    const line = parseCommandLine(io.argv, []);
    rejectExtraPositionals(line, bin, command);
    return command === "login" ? login(app, io, output, line) : logout(app, io, output);
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
  if (loose.globals.help) return print(output, commandHelp(model, op));
  const flags = operationFlags(op);
  const line = parseCommandLine(io.argv, flags);
  rejectExtraPositionals(line, bin, command);
  const params = buildParams(model, op, flags, line, io);
  return call(app, io, output, op, params, line);
}

function builtinHelp(app: CliApp, command: "login" | "logout"): string {
  const bin = app.model.api;
  const file = "$XDG_CONFIG_HOME (default ~/.config)/" + bin + "/config.json";
  if (command === "logout") return `${bin} logout — forget the token stored by \`login\` (${file}).\n\nUsage: ${bin} logout\n`;
  const check = commandName({ operationId: app.loginOperation });
  return [
    `${bin} login — check a token with \`${check}\`, then store it in ${file} (mode 0600).`,
    "",
    `Usage: ${bin} login --token <token>`,
    `       ${bin} login < token.txt      (reads the token from stdin, keeping it out of your shell history)`,
    "",
    `Afterwards every command sends it; --token and $${envNames(app.model).token} override it. Takes --base-url, --mock and --verbose.`,
    "",
  ].join("\n");
}

function print(output: Output, text: string): number {
  output.out(text);
  return ExitCode.ok;
}

function unknownCommand(command: string, operations: Map<string, ModelOperation>, namespaces: Set<string>, bin: string): UsageError {
  const candidates = [...operations.keys(), ...namespaces, "login", "logout", "help"];
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

/** The SDK's flat params for an operation, from its flags and --data, checked against the spec. */
function buildParams(model: CliModel, op: ModelOperation, flags: OperationFlag[], line: CommandLine, io: CliIo): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const flag of flags) {
    const occurrences = line.values.get(flag.flag);
    if (!occurrences) continue;
    (flag.in === "body" ? fields : params)[flag.key] = flagValue(flag, occurrences);
  }
  let body: unknown;
  const data = line.globals.data;
  if (data !== undefined) {
    if (!op.requestBody) throw new UsageError(`${commandName(op)} takes no request body, so --data does not apply.`);
    body = readData(data, io.readStdin);
  }
  if (Object.keys(fields).length) {
    if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) {
      throw new UsageError("--data must be a JSON object when body field flags are given too.");
    }
    body = { ...(body as Record<string, unknown> | undefined), ...fields };
  }
  const requestBody = op.requestBody;
  // A required body that was not given is checked as {} so each missing field is named as a flag.
  const bodyValue = body ?? (requestBody?.required && isJsonBody(op) ? {} : undefined);
  const problems = validateInput(
    flags,
    params,
    requestBody && bodyValue !== undefined ? { value: bodyValue, schema: requestBody.schema, fromData: data !== undefined } : null,
  );
  if (problems.length) throw new UsageError(problems.join("\n"), `Run \`${model.api} ${commandName(op)} --help\` for its flags.`);
  if (body === undefined) return params;
  return bodyModeOf(op) === "flat" ? { ...params, ...(body as Record<string, unknown>) } : { ...params, body };
}

/** Where requests go and with which token, with a mock started for `--mock`. */
interface Session {
  client: CliClient;
  stop(): Promise<void>;
}

async function openSession(app: CliApp, io: CliIo, output: Output, line: CommandLine, token: string | undefined): Promise<Session> {
  const { globals } = line;
  const env = envNames(app.model);
  const log = (text: string) => globals.verbose && output.err(`[debug] ${text}\n`);
  if (globals.mock && globals.baseUrl) throw new UsageError("Use --mock or --base-url, not both.");
  if (globals.session !== undefined && !app.model.auth?.cookie) {
    throw new UsageError(`The ${app.model.title} has no session cookie: authenticate with --token.`);
  }
  let baseUrl = globals.baseUrl ?? io.env[env.baseUrl] ?? undefined;
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw new UsageError(`${globals.baseUrl ? "--base-url" : env.baseUrl} must be an http(s) URL, got "${baseUrl}".`);
  }
  let stop = async () => {};
  if (globals.mock) {
    log(`starting a Prism mock of ${app.specFile}`);
    const mock = await startPrism(app.specFile, globals.verbose ? { onLog: (text) => log(`[mock] ${text}`) } : {}).catch((error: unknown) => {
      throw new CliFailure(`--mock could not start the mock: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    baseUrl = mock.url;
    stop = () => mock.stop();
    if (globals.session === undefined) token ??= MOCK_TOKEN;
  }
  log(`base URL: ${baseUrl ?? app.model.servers[0] ?? "(none)"}; token: ${token ? "****" : "none"}${globals.session ? "; session: ****" : ""}`);
  const options: ClientOptions = {
    baseUrl,
    ...(globals.session === undefined ? {} : { session: globals.session }),
    userAgent: `${app.model.api}-cli/${app.version}`,
    ...(globals.verbose ? { logger: { debug: (message: string, ...details: unknown[]) => log(`${message}${details.length ? ` ${JSON.stringify(details.length === 1 ? details[0] : details)}` : ""}`) } } : {}),
  };
  return { client: app.createClient(token, options), stop };
}

/** --token, then <API>_TOKEN, then the token `login` stored. */
function resolveToken(app: CliApp, io: CliIo, line: CommandLine, output: Output): string | undefined {
  const token = line.globals.token ?? (io.env[envNames(app.model).token] || undefined) ?? storedToken(app, io);
  output.addSecret(token);
  return token;
}

function storedToken(app: CliApp, io: CliIo): string | undefined {
  try {
    return readConfig(configPath(app.model.api, io.env)).token;
  } catch (error) {
    throw new CliFailure((error as Error).message);
  }
}

async function call(app: CliApp, io: CliIo, output: Output, op: ModelOperation, params: Record<string, unknown>, line: CommandLine): Promise<number> {
  const { globals } = line;
  if (globals.all && !op.pagination) {
    throw new UsageError(`--all follows pagination, and ${commandName(op)} is not paginated.`);
  }
  if (globals.all && globals.include) throw new UsageError("--include shows one response; it cannot be combined with --all.");
  const options = requestOptions(line);
  const session = await openSession(app, io, output, line, resolveToken(app, io, line, output));
  try {
    if (globals.all && op.pagination) {
      const send = (p: Record<string, unknown>, o?: RequestOptions) => session.client.request(op.operationId, p, o);
      const { page, pageSize, items, meta } = op.pagination;
      const pagination: PaginationDescriptor = { page, pageSize, items, ...(meta ? { meta } : {}) };
      for await (const item of iterateItems(send, pagination, params, options)) {
        output.jsonLine(item);
      }
      return ExitCode.ok;
    }
    try {
      const { data, response } = await session.client.request(op.operationId, params, options);
      if (globals.include) output.head(response);
      output.body(data);
    } catch (error) {
      if (globals.include && (error instanceof ApiError || error instanceof InvalidResponseError)) output.head(error.response);
      throw error;
    }
    return ExitCode.ok;
  } finally {
    await session.stop();
  }
}

/** `--prefer code=404,example=Name,dynamic=true` → Prism's Prefer header, to pick a mock scenario. */
function requestOptions(line: CommandLine): RequestOptions {
  const text = line.globals.prefer;
  if (text === undefined) return {};
  const prefer: PreferOptions = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [key, value = ""] = part.split("=", 2).map((s) => s.trim());
    if (key === "code" && /^[1-5]\d\d$/.test(value)) prefer.code = Number(value);
    else if (key === "example" && value) prefer.example = value;
    else if (key === "dynamic" && (value === "true" || value === "false")) prefer.dynamic = value === "true";
    else throw new UsageError(`--prefer takes code=<status>, example=<name> or dynamic=true|false, got "${part}".`);
  }
  return { prefer };
}

async function login(app: CliApp, io: CliIo, output: Output, line: CommandLine): Promise<number> {
  const bin = app.model.api;
  let token = line.globals.token;
  if (token === undefined && !io.stdinIsTTY) token = io.readStdin().trim() || undefined;
  if (!token) {
    throw new UsageError("login needs a token.", `Run \`${bin} login --token <token>\`, or pipe the token on stdin: \`${bin} login < token.txt\`.`);
  }
  output.addSecret(token);
  const check = commandName({ operationId: app.loginOperation });
  const session = await openSession(app, io, output, line, token);
  try {
    await session.client.request(app.loginOperation, {}, requestOptions(line));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      output.err(`The API rejected the token (${check} answered ${describeApiError(error)}). Nothing was stored.\n`);
      return ExitCode.apiError;
    }
    throw error;
  } finally {
    await session.stop();
  }
  const file = configPath(app.model.api, io.env);
  writeConfig(file, { ...safeReadConfig(file), token });
  output.err(`Logged in: ${check} accepted the token, stored in ${file}.\n`);
  return ExitCode.ok;
}

function safeReadConfig(file: string): Record<string, unknown> {
  try {
    return { ...readConfig(file) };
  } catch {
    return {};
  }
}

function logout(app: CliApp, io: CliIo, output: Output): number {
  const file = configPath(app.model.api, io.env);
  output.err(removeStoredToken(file) ? `Logged out: removed the token from ${file}.\n` : `No token was stored (${file}).\n`);
  return ExitCode.ok;
}

/** `401 err_unauthorised: Authentication credentials are missing: You did not … (request id …)`. */
function describeApiError(error: ApiError): string {
  return error.message;
}

function reportError(error: unknown, output: Output, bin: string, verbose: boolean): number {
  const stack = () => verbose && error instanceof Error && error.stack && output.err(`${error.stack}\n`);
  if (error instanceof UsageError) {
    output.err(`Error: ${error.message}\n`);
    if (error.hint) output.err(`${error.hint}\n`);
    return ExitCode.usage;
  }
  if (error instanceof ApiError) {
    output.err(`Error: the API answered ${describeApiError(error)}\n`);
    for (const detail of Array.isArray(error.details) ? error.details : []) output.err(`  - ${formatDetail(detail)}\n`);
    // the message names the request id already when the body carries it; a header-only id is added here
    if (error.requestId && !error.message.includes(error.requestId)) output.err(`Request id: ${error.requestId}\n`);
    if (verbose) output.err(`Body: ${JSON.stringify(error.body)}\n`);
    stack();
    return ExitCode.apiError;
  }
  if (error instanceof ConnectionError || error instanceof InvalidResponseError || error instanceof CliFailure) {
    output.err(`Error: ${error.message}\n`);
    stack();
    return ExitCode.apiError;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`Error: ${message}\n`);
  if (verbose) stack();
  else output.err(`Run with --verbose for details, or report it if it looks like a bug in ${bin}.\n`);
  return ExitCode.apiError;
}

/** A field problem (`{ field, reason }`) as `field: reason`, anything else as JSON. */
function formatDetail(detail: unknown): string {
  if (detail && typeof detail === "object") {
    const { field, reason, message } = detail as Record<string, unknown>;
    const text = reason ?? message;
    if (typeof text === "string") return typeof field === "string" ? `${field}: ${text}` : text;
  }
  return JSON.stringify(detail);
}
