// The generic CLI every SDK package ships (its src/cli.ts passes the model and ApiClient to runCli).
export { runCli, processIo, type CliApp, type CliClient, type CliIo } from "./run.js";
export { operationFlags, globalFlags, kebabCase, type OperationFlag } from "./flags.js";
export { commandName, unpackModel, type CliModel, type ModelOperation } from "./model.js";
export { configPath } from "./config.js";
export { ExitCode } from "./usage-error.js";
export { cliArgs, cliCommand } from "./samples.js";
