// The CLI engine every SDK package ships: its src/cli.ts passes the model, ApiClient and the lazy `mcp`
// and `mock` plug-ins to runCli. The second block is what a plug-in command (@repo/mcp/command) builds on.
export { runCli, processIo, type CliApp, type CliClient, type CliIo } from "./run.js";
export type { McpCommand, MockHost, RunningCommandMock } from "./app.js";
export { operationFlags, globalFlags, kebabCase, type OperationFlag } from "./flags.js";
export { configPath } from "./config.js";
export { ExitCode } from "./usage-error.js";
export { cliArgs, cliCommand } from "./samples.js";

export { Output } from "./output.js";
export { parseCommandLine } from "./parse.js";
export { openSession, resolveToken } from "./session.js";
export { UsageError } from "./usage-error.js";
