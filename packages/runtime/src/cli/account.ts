// `login` (check a token with the API, then store it owner-only) and `logout`, and their help.
import { ApiError } from "../errors.js";
import type { CliApp, CliIo } from "./app.js";
import { configPath, readConfig, removeStoredToken, writeConfig } from "./config.js";
import { commandName, envNames } from "./model.js";
import type { Output } from "./output.js";
import type { CommandLine } from "./parse.js";
import { openSession, requestOptions } from "./session.js";
import { CliFailure, ExitCode, UsageError } from "./usage-error.js";

export function builtinHelp(app: CliApp, command: "login" | "logout"): string {
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

export async function login(app: CliApp, io: CliIo, output: Output, line: CommandLine): Promise<number> {
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
      output.err(`The API rejected the token (${check} answered ${error.message}). Nothing was stored.\n`);
      return ExitCode.apiError;
    }
    throw error;
  } finally {
    await session.stop();
  }
  const file = configPath(app.model.api, io.env);
  try {
    writeConfig(file, { ...safeReadConfig(file), token });
  } catch (error) {
    throw new CliFailure(`The token is valid but could not be stored in ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
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

export function logout(app: CliApp, io: CliIo, output: Output): number {
  const file = configPath(app.model.api, io.env);
  output.err(removeStoredToken(file) ? `Logged out: removed the token from ${file}.\n` : `No token was stored (${file}).\n`);
  return ExitCode.ok;
}

