// Profiles: more than one account in the same config file. `login --profile work` stores a token (and
// the base URL given with --base-url) under a name; `--profile work` or $<API>_PROFILE picks it.
// Precedence, for the token and the base URL alike: flag > environment > the chosen profile > the
// default login. The file stays 0600 in a 0700 directory (config.ts).
import type { CliApp, CliIo } from "./app.js";
import { ConfigError, configPath, profileOf, readConfig, type StoredConfig } from "./config.js";
import { envNames } from "@repo/model";
import type { Output } from "./output.js";
import type { CommandLine } from "./parse.js";
import { CliFailure, ExitCode, UsageError } from "./usage-error.js";

/** What a login stores: a token, and the server it was checked against when not the spec's. */
export interface StoredLogin {
  token?: string;
  baseUrl?: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** `<API>_PROFILE`, e.g. CLOUDNEXUS_PROFILE. */
export const profileEnv = (app: CliApp) => app.model.env.token.replace(/_TOKEN$/, "_PROFILE");

/** The profile a command asked for (--profile, else $<API>_PROFILE), checked; undefined for the default login. */
export function chosenProfile(app: CliApp, io: CliIo, line: CommandLine): string | undefined {
  const name = line.globals.profile ?? (io.env[profileEnv(app)] || undefined);
  if (name !== undefined && !NAME.test(name)) {
    throw new UsageError(`A profile name is letters, digits, ".", "_" or "-" (at most 64), not "${name}".`);
  }
  return name;
}

export function loadConfig(app: CliApp, io: CliIo): StoredConfig {
  try {
    return readConfig(configPath(app.model.api, io.env));
  } catch (error) {
    // a field of the wrong type is the user's to fix: a usage error (exit 2), like a bad flag
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw new CliFailure((error as Error).message);
  }
}

/**
 * The stored login a command uses: the chosen profile's (an unknown one is a usage error naming the
 * known ones), else the default login.
 */
export function storedLogin(app: CliApp, io: CliIo, line: CommandLine): StoredLogin {
  const config = loadConfig(app, io);
  const name = chosenProfile(app, io, line);
  if (name === undefined) return { ...(config.token ? { token: config.token } : {}), ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) };
  const profile = profileOf(config, name);
  if (!profile) {
    const known = Object.keys(config.profiles ?? {});
    const source = line.globals.profile !== undefined ? "--profile" : `$${profileEnv(app)}`;
    throw new UsageError(
      `${source} names no profile "${name}"; ${known.length ? `the profiles are: ${known.join(", ")}` : "no profile is stored yet"}.`,
      `Create it with \`${app.model.api} login --profile ${name} --token <token>\`.`,
    );
  }
  return profile;
}

/** `profiles`: every stored login, the active one marked, tokens never shown. */
export function listProfiles(app: CliApp, io: CliIo, output: Output, line: CommandLine): number {
  const config = loadConfig(app, io);
  const active = chosenProfile(app, io, line) ?? "default";
  const rows: Array<[string, StoredLogin]> = [];
  if (config.token || config.baseUrl) rows.push(["default", config]);
  for (const [name, profile] of Object.entries(config.profiles ?? {})) rows.push([name, profile]);
  if (!rows.length) {
    output.err(`No login is stored (${configPath(app.model.api, io.env)}). Run \`${app.model.api} login --token <token>\` (add --profile <name> for another account).\n`);
    return ExitCode.ok;
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, profile] of rows) {
    const server = profile.baseUrl ?? app.model.servers[0] ?? "";
    output.out(`${name === active ? "*" : " "} ${name.padEnd(width)}  ${server}  ${profile.token ? "token stored" : "no token"}\n`);
  }
  return ExitCode.ok;
}
