// Where a command's requests go and with which credentials: --base-url / --mock, --token / env / stored
// token, --session, --verbose's request log, --prefer's mock scenario, --max-retries / --no-retry.
import { baseUrlProblem, headerValueProblem, withoutUserinfo } from "@repo/client/internal";
import type { ClientOptions, PreferOptions, RequestOptions } from "@repo/client";
import type { CliApp, CliClient, CliIo } from "./app.js";
import { configPath } from "./config.js";
import { chosenProfile, storedLogin } from "./profiles.js";
import { envNames } from "@repo/model";
import type { Output } from "./output.js";
import type { CommandLine } from "./parse.js";
import { retryOptions } from "./retries.js";
import { CliFailure, UsageError } from "./usage-error.js";

/** A token for `--mock` when none is configured: Prism checks that credentials are present, not what they are. */
const MOCK_TOKEN = "mock-token";

/** Where requests go and with which token, with a mock started for `--mock`. */
export interface Session {
  client: CliClient;
  stop(): Promise<void>;
}

export async function openSession(
  app: CliApp,
  io: CliIo,
  output: Output,
  line: CommandLine,
  token: string | undefined,
  /** `login` checks a new token: it must not take the server of a login that may not exist yet. */
  { storedServer = true }: { storedServer?: boolean } = {},
): Promise<Session> {
  const { globals } = line;
  const env = app.model.env;
  const log = (text: string) => globals.verbose && output.err(`[debug] ${text}\n`);
  const retries = retryOptions(line, output);
  if (globals.mock && globals.baseUrl) throw new UsageError("Use --mock or --base-url, not both.");
  if (globals.static && !globals.mock) throw new UsageError("--static chooses the kind of --mock: use it with --mock.");
  if (globals.session !== undefined && !app.model.auth?.cookie) {
    throw new UsageError(`The ${app.model.title} has no session cookie: authenticate with --token.`);
  }
  // flag > environment > the chosen profile (or default login) > the spec's server
  let baseUrl = globals.baseUrl ?? (io.env[env.baseUrl] || undefined) ?? (globals.mock || !storedServer ? undefined : storedLogin(app, io, line).baseUrl);
  if (baseUrl !== undefined) {
    // echoed without user:password@, which is refused anyway
    const problem = baseUrlProblem(baseUrl) ?? (/^https?:\/\/[^/]/i.test(baseUrl) ? undefined : "must be an http(s) URL");
    if (problem) throw new UsageError(`${globals.baseUrl ? "--base-url" : env.baseUrl} ${problem}, got "${withoutUserinfo(baseUrl)}".`);
  }
  let stop = async () => {};
  if (globals.mock) {
    log(`starting a ${globals.static ? "static Prism" : "stateful"} mock of ${app.specFile}`);
    if (!app.mock) throw new UsageError(`This ${app.model.api} CLI was built without a mock: --mock is not available.`);
    const host = await app.mock();
    const started = host.startForCommand({ specFile: app.specFile, model: app.model, static: Boolean(globals.static), log: globals.verbose ? log : undefined });
    const mock = await started.catch((error: unknown) => {
      throw new CliFailure(`--mock could not start the mock: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    baseUrl = mock.url;
    stop = () => mock.stop();
    if (globals.session === undefined) token ??= MOCK_TOKEN;
  }
  log(`base URL: ${baseUrl ?? app.model.servers[0] ?? "(none)"}; token: ${token ? "****" : "none"}${globals.session ? "; session: ****" : ""}`);
  const options: ClientOptions = {
    baseUrl,
    // --base-url and --mock name where this one command goes; $<API>_BASE_URL and a profile's server
    // replace the API's server only (an operation with a server of its own keeps it)
    overrideOperationServers: Boolean(globals.mock || globals.baseUrl),
    ...(globals.session === undefined ? {} : { session: globals.session }),
    userAgent: `${app.model.api}-cli/${app.version}`,
    ...retries,
    ...(globals.verbose ? { logger: { debug: (message: string, ...details: unknown[]) => log(`${message}${details.length ? ` ${JSON.stringify(details.length === 1 ? details[0] : details)}` : ""}`) } } : {}),
  };
  try {
    return { client: app.createClient(token, options), stop };
  } catch (error) {
    await stop();
    // the client refuses what it cannot send (a token with a line break…) before any request
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}

/** --token, then <API>_TOKEN, then the token `login` stored (for the chosen profile, else the default). */
export function resolveToken(app: CliApp, io: CliIo, line: CommandLine, output: Output): string | undefined {
  const env = app.model.env.token;
  const fromEnv = io.env[env] || undefined;
  const token = line.globals.token ?? fromEnv ?? storedLogin(app, io, line).token;
  output.addSecret(token);
  const problem = token === undefined ? undefined : headerValueProblem(token);
  if (problem) {
    const profile = chosenProfile(app, io, line);
    const stored = `The token stored in ${configPath(app.model.api, io.env)}${profile ? ` for profile "${profile}"` : ""}`;
    const source = line.globals.token !== undefined ? "--token" : fromEnv !== undefined ? `$${env}` : stored;
    throw new UsageError(`${source} ${problem}; check how it was copied (its value is not shown).`);
  }
  return token;
}

/** `--prefer code=404,example=Name,dynamic=true` → Prism's Prefer header, to pick a mock scenario. */
export function requestOptions(line: CommandLine): RequestOptions {
  const text = line.globals.prefer;
  if (text === undefined) return {};
  const prefer: PreferOptions = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [key, value = ""] = part.split("=", 2).map((s) => s.trim());
    if (key === "code" && /^[1-5]\d\d$/.test(value)) prefer.code = Number(value);
    else if (key === "example" && value && !headerValueProblem(value)) prefer.example = value;
    else if (key === "dynamic" && (value === "true" || value === "false")) prefer.dynamic = value === "true";
    else throw new UsageError(`--prefer takes code=<status>, example=<name> or dynamic=true|false, got "${part}".`);
  }
  return { prefer };
}

