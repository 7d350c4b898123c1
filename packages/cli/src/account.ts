// `login` (check a token with the API, then store it owner-only) and `logout`, and their help.
import { ApiError } from "@repo/client";
import type { CliApp, CliIo } from "./app.js";
import { ConfigError, configPath, readConfig, removeProfile, removeStoredToken, writeConfig, type StoredConfig } from "./config.js";
import { chosenProfile } from "./profiles.js";
import { commandName, envNames } from "@repo/model";
import type { Output } from "./output.js";
import type { CommandLine } from "./parse.js";
import { openSession, requestOptions } from "./session.js";
import { CliFailure, ExitCode, UsageError } from "./usage-error.js";

export function builtinHelp(app: CliApp, command: "login" | "logout"): string {
  const bin = app.model.api;
  const file = "$XDG_CONFIG_HOME (default ~/.config)/" + bin + "/config.json";
  if (command === "logout") return `${bin} logout — forget the token stored by \`login\` (${file}).\n\nUsage: ${bin} logout [--profile <name>]\n`;
  const check = app.loginOperation ? commandName({ operationId: app.loginOperation }) : "(no operation: the spec marks none with x-cli-login)";
  return [
    `${bin} login — check a token with \`${check}\`, then store it in ${file} (mode 0600).`,
    "",
    `Usage: ${bin} login --token <token> [--profile <name>] [--base-url <url>]`,
    `       ${bin} login < token.txt      (reads the token from stdin, keeping it out of your shell history)`,
    "",
    `Afterwards every command sends it; --token and $${app.model.env.token} override it. Takes --base-url, --mock and --verbose.`,
    `With --profile <name> the token (and the --base-url, if given) is stored under that name: use it with --profile <name>`,
    `or $${app.model.env.token.replace(/_TOKEN$/, "_PROFILE")}; \`${bin} profiles\` lists them. Precedence: flag > environment > profile > default login.`,
    "",
  ].join("\n");
}

export async function login(app: CliApp, io: CliIo, output: Output, line: CommandLine): Promise<number> {
  const bin = app.model.api;
  let token = line.globals.token;
  if (token === undefined && !io.stdinIsTTY) token = io.readStdin().trim() || undefined;
  if (!token) {
    throw new UsageError("login needs a token.", `Run \`${bin} login --token <token>\`, or pipe the token on stdin: \`${bin} login < token.txt\`.`);
  }
  output.addSecret(token);
  const operation = app.loginOperation;
  if (!operation) {
    throw new UsageError(`The ${app.model.title} has no operation to check a token with, so login cannot verify it.`, "Mark one in the spec with `x-cli-login: true` (spec/README.md).");
  }
  const check = commandName({ operationId: operation });
  const session = await openSession(app, io, output, line, token, { storedServer: false });
  try {
    await session.client.request(operation, {}, requestOptions(line));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      output.err(`The API rejected the token (${check} answered ${error.message}). Nothing was stored.\n`);
      return ExitCode.apiError;
    }
    throw error;
  } finally {
    await session.stop();
  }
  const file = configPath(app.model.api, io.env);
  const profile = chosenProfile(app, io, line);
  // the server is stored only when given on the command line (never a mock's, never the environment's)
  const login = { token, ...(line.globals.baseUrl ? { baseUrl: line.globals.baseUrl.replace(/\/+$/, "") } : {}) };
  try {
    const config = safeReadConfig(file);
    writeConfig(file, profile ? { ...config, profiles: { ...config.profiles, [profile]: login } } : { ...config, ...login });
  } catch (error) {
    throw new CliFailure(`The token is valid but could not be stored in ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  output.err(`Logged in${profile ? ` as profile "${profile}"` : ""}: ${check} accepted the token, stored in ${file}.\n`);
  return ExitCode.ok;
}

function safeReadConfig(file: string): StoredConfig {
  try {
    return { ...readConfig(file) };
  } catch {
    return {};
  }
}

export function logout(app: CliApp, io: CliIo, output: Output, line: CommandLine): number {
  const file = configPath(app.model.api, io.env);
  const profile = chosenProfile(app, io, line);
  if (profile) {
    let removed: boolean;
    try {
      removed = removeProfile(file, profile);
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw new CliFailure((error as Error).message);
    }
    output.err(removed ? `Logged out: removed profile "${profile}" from ${file}.\n` : `No profile "${profile}" was stored (${file}).\n`);
    return ExitCode.ok;
  }
  output.err(removeStoredToken(file) ? `Logged out: removed the token from ${file}.\n` : `No token was stored (${file}).\n`);
  return ExitCode.ok;
}

