// `<api> mcp`: an MCP server over stdio with one tool per operation (@repo/mcp), its
// calls sent by the same client as every command (--base-url / --mock, the token from --token, the
// environment or `login`, retries). stdout carries the protocol alone; logs go to stderr.
import { createMcpServer, InFlight, MAX_MESSAGE_BYTES, serveStdio, toolsOf } from "./index.js";
import type { CliApp, CliIo } from "@repo/cli";
import type { OperationFlag } from "@repo/cli";
import { envNames } from "@repo/model";
import type { Output } from "@repo/cli";
import { parseCommandLine } from "@repo/cli";
import { openSession, resolveToken } from "@repo/cli";
import { ExitCode, UsageError } from "@repo/cli";

/** The flags only `mcp` takes; parsed with the same parser as every command. */
const mcpFlags: OperationFlag[] = [
  { flag: "read-only", key: "readOnly", in: "query", required: false, description: "Expose only the tools that read (GET): nothing can change", schema: { type: "boolean" }, kind: "boolean" },
];

/** Global flags that make no sense for a server of many calls. */
const refused = ["data", "all", "include", "wait", "wait-timeout", "prefer", "output", "query"] as const;

export function mcpHelp(app: CliApp): string {
  const bin = app.model.api;
  const env = app.model.env;
  return [
    `${bin} mcp — serve the ${app.model.title} (${app.model.version}) to AI assistants: an MCP server over stdio, one tool per operation.`,
    "",
    `Usage: ${bin} mcp [--read-only] [--mock | --base-url <url>] [--token <token> | --profile <name>]`,
    "",
    `The token comes from --token, $${env.token} or \`${bin} login\` (--profile <name> for another stored login; never from a tool argument) and never appears in a tool's output.`,
    "",
    "Flags:",
    "  --read-only             Expose only the tools that read (GET): nothing can change",
    "  --mock                  Serve the tools against a stateful mock started in process (offline)",
    `  --base-url <url>        Send requests to this URL instead of the API's server ($${env.baseUrl})`,
    "  --max-retries <n>, --no-retry, --verbose (requests logged to stderr, token masked)",
    "",
    "In an MCP client's configuration:",
    `  {"mcpServers": {"${bin}": {"command": "npx", "args": ["${bin}", "mcp"], "env": {"${env.token}": "…"}}}}`,
    "",
  ].join("\n");
}

export async function serveMcpCommand(app: CliApp, io: CliIo, output: Output): Promise<number> {
  const line = parseCommandLine(io.argv, mcpFlags);
  if (line.positionals.length > 1) throw new UsageError(`Unexpected argument "${line.positionals[1]}".`, `Run \`${app.model.api} mcp --help\`.`);
  for (const flag of refused) {
    if (io.argv.some((arg) => arg === `--${flag}` || arg.startsWith(`--${flag}=`))) {
      throw new UsageError(`--${flag} applies to one command, not to the MCP server.`, `Run \`${app.model.api} mcp --help\`.`);
    }
  }
  const readOnly = line.values.get("read-only")?.at(-1) === true;
  const env = app.model.env;
  const token = resolveToken(app, io, line, output);
  const session = await openSession(app, io, output, line, token);
  try {
    if (token === undefined && !line.globals.mock) {
      output.err(`${app.model.api} mcp: no token (set $${env.token} or run \`${app.model.api} login\`); calls that need one will answer 401.\n`);
    }
    const count = toolsOf(app.model, { readOnly }).length;
    const where = line.globals.mock ? "a local stateful mock" : (line.globals.baseUrl ?? io.env[env.baseUrl] ?? app.model.servers[0] ?? "the API");
    output.err(`${app.model.api} mcp: ${count} tools of the ${app.model.title} ${app.model.version}${readOnly ? " (read-only)" : ""}, calling ${where}; MCP over stdio, until stdin closes.\n`);
    const inFlight = new InFlight();
    const server = createMcpServer({
      model: app.model,
      client: session.client,
      version: app.version,
      readOnly,
      redact: (text) => output.redact(text),
      tokenEnv: env.token,
      inFlight,
    });
    const oversized = (bytes: number) =>
      output.err(`${app.model.api} mcp: skipped a message of ${bytes} bytes (the limit is ${MAX_MESSAGE_BYTES}); answered it with an error.\n`);
    await serveStdio(server, (error) => line.globals.verbose && output.err(`[mcp] ${error.message}\n`), inFlight, oversized);
    return ExitCode.ok;
  } finally {
    await session.stop();
  }
}
