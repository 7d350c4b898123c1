// The token `login` stores: $XDG_CONFIG_HOME/<api>/config.json (else ~/.config/<api>/config.json),
// readable by its owner only (file 0600 in a 0700 directory), written atomically.
import { chmodSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export interface StoredConfig {
  /** The default login's token (and its server, when login was given --base-url). */
  token?: string;
  baseUrl?: string;
  /** Logins stored with `login --profile <name>`. */
  profiles?: Record<string, { token?: string; baseUrl?: string }>;
}

/** Where an API's CLI keeps its config. */
export function configPath(api: string, env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, api, "config.json");
}

/** A config file whose content is JSON but not a config: its message names the file and the field. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * The stored config, or {} when there is none. A file that is not JSON, or whose fields have the wrong
 * type (a hand edit, another tool), is an error naming the file (and the field): never a crash later,
 * never a token sent as "[object Object]".
 */
export function readConfig(file: string): StoredConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON: fix it or delete it (\`logout\` does).`);
  }
  const problem = configProblem(parsed);
  if (problem) throw new ConfigError(`${file}: ${problem}; fix it or delete it (\`logout\` does).`);
  return parsed as StoredConfig;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`);

/** The first field of a parsed config with the wrong type, as "field must be …, got …". */
function configProblem(config: unknown): string | undefined {
  if (!isObject(config)) return `the file must hold a JSON object, got ${kind(config)}`;
  const login = (value: Record<string, unknown>, at: string) => {
    for (const field of ["token", "baseUrl"]) {
      if (value[field] !== undefined && typeof value[field] !== "string") return `"${at}${field}" must be a string, got ${kind(value[field])}`;
    }
    return undefined;
  };
  const top = login(config, "");
  if (top) return top;
  if (config.profiles === undefined) return undefined;
  if (!isObject(config.profiles)) return `"profiles" must be an object, got ${kind(config.profiles)}`;
  for (const [name, profile] of Object.entries(config.profiles)) {
    if (!isObject(profile)) return `"profiles.${name}" must be an object, got ${kind(profile)}`;
    const problem = login(profile, `profiles.${name}.`);
    if (problem) return problem;
  }
  return undefined;
}

/** A profile's stored login, by own key only (`constructor` or `toString` is a name like any other). */
export function profileOf(config: StoredConfig, name: string): { token?: string; baseUrl?: string } | undefined {
  return config.profiles && Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined;
}

/**
 * Writes the config with mode 0600 in a directory with mode 0700 (both enforced even if they existed).
 * A directory that is a symbolic link is refused: chmod would follow it to wherever it points.
 */
export function writeConfig(file: string, config: StoredConfig): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (lstatSync(dir).isSymbolicLink()) {
    throw new Error(`${dir} is a symbolic link; refusing to store a token through it (make it a real directory, or set XDG_CONFIG_HOME)`);
  }
  chmodSync(dir, 0o700);
  const temp = `${file}.${process.pid}.tmp`;
  // "wx": never write through a file (or link) left at the temporary name
  rmSync(temp, { force: true });
  writeFileSync(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** Removes a profile's login; true when there was one. */
export function removeProfile(file: string, name: string): boolean {
  const config = readConfig(file);
  if (!profileOf(config, name)) return false;
  const { [name]: _removed, ...profiles } = config.profiles!;
  const { profiles: _old, ...rest } = config;
  const next = Object.keys(profiles).length ? { ...rest, profiles } : rest;
  if (Object.keys(next).length) writeConfig(file, next);
  else rmSync(file, { force: true });
  return true;
}

/** Removes the stored token; true when there was one. */
export function removeStoredToken(file: string): boolean {
  let config: StoredConfig;
  try {
    config = readConfig(file);
  } catch {
    rmSync(file, { force: true });
    return true;
  }
  if (config.token === undefined) return false;
  const { token: _removed, baseUrl: _server, ...rest } = config;
  if (Object.keys(rest).length) writeConfig(file, rest);
  else rmSync(file, { force: true });
  return true;
}
