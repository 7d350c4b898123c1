// Who is asking and how often: the request's credential, the `tokens` check, x-mock-auth patches per
// security scheme, and rate limiting per credential (X-RateLimit-* values, a 429 with Retry-After).
import { error, ok, successResponse } from "./answers.js";
import type { OperationModel } from "./model.js";
import { clone, exampleOf, sampleOf } from "./spec.js";
import type { Context, EngineOptions, EngineRequest, EngineResponse, Env, RateLimitOptions } from "./state.js";

/** `Basic <base64 of user:password>` → `user:password`; undefined when it is not well formed. */
function basicCredential(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header ?? "");
  if (!match) return undefined;
  try {
    const decoded = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(match[1]!), (c) => c.charCodeAt(0)));
    return decoded.includes(":") ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The security scheme the request's credential belongs to, and the credential itself: any well-formed
 * credential of a scheme the operation declares (bearer, basic, OAuth2 / OpenID Connect access tokens,
 * an API key in a header, the query or a cookie); `tokens` then narrows them to a fixed set.
 */
export function credentialOf(env: Env, op: OperationModel, request: Pick<EngineRequest, "headers" | "query">): { scheme: string; value: string } | undefined {
  const { headers, query } = request;
  for (const scheme of op.security) {
    const definition = env.model.securitySchemes[scheme];
    if (!definition) continue;
    const http = definition.type === "http" ? String(definition.scheme ?? "").toLowerCase() : null;
    if (http === "bearer" || definition.type === "oauth2" || definition.type === "openIdConnect") {
      const match = /^Bearer\s+(\S.*)$/i.exec(headers.authorization ?? "");
      if (match) return { scheme, value: match[1]!.trim() };
    } else if (http === "basic") {
      const value = basicCredential(headers.authorization);
      if (value) return { scheme, value };
    } else if (definition.type === "apiKey" && definition.in === "header") {
      const value = headers[String(definition.name).toLowerCase()];
      if (value) return { scheme, value };
    } else if (definition.type === "apiKey" && definition.in === "query") {
      const value = query.get(String(definition.name));
      if (value) return { scheme, value };
    } else if (definition.type === "apiKey" && definition.in === "cookie") {
      const cookie = (headers.cookie ?? "").split(/;\s*/).find((part) => part.startsWith(`${definition.name}=`));
      if (cookie) return { scheme, value: cookie.slice(String(definition.name).length + 1) };
    }
  }
  return undefined;
}

/**
 * With `tokens`, a secured operation refuses any credential but those (and none at all). HTTP Basic's
 * `token:` (a token as the user name, no password: what the SDK sends for a token without a colon) is that token.
 */
export const refused = (env: Env, op: OperationModel, credential: string | undefined): boolean =>
  Boolean(
    op.security.length &&
      env.options.tokens &&
      !(credential !== undefined && (env.options.tokens.includes(credential) || (credential.endsWith(":") && env.options.tokens.includes(credential.slice(0, -1))))),
  );

/** The spec's example answer, patched by `x-mock-auth` for the scheme that authenticated the request. */
export function exampleAnswer(env: Env, ctx: Context): EngineResponse {
  const success = successResponse(env, ctx.operation);
  const body = clone(success?.examples[0]?.[1]) ?? (success?.schema ? sampleOf(env.doc, success.schema) : undefined);
  const patch = ctx.scheme ? ctx.operation.mock?.auth?.[ctx.scheme] : undefined;
  return ok(env, ctx, patch && body && typeof body === "object" ? { ...body, ...clone(patch) } : body);
}

const configured = (options: EngineOptions): RateLimitOptions | undefined =>
  typeof options.rateLimit === "number" ? { limit: options.rateLimit } : options.rateLimit;

/** Per engine: the spec's example X-RateLimit-Limit, looked up once (null: the spec declares none). */
const specLimits = new WeakMap<Env, number | null>();

function rateHeaderExample(env: Env, which: string): number | undefined {
  for (const list of env.responses.values())
    for (const response of list)
      for (const [name, header] of Object.entries(response.headers))
        if (new RegExp(`ratelimit-${which}$`, "i").test(name)) return Number(exampleOf(env.doc, header));
  return undefined;
}

function specLimit(env: Env): number | null {
  let limit = specLimits.get(env);
  if (limit === undefined) specLimits.set(env, (limit = rateHeaderExample(env, "limit") ?? null));
  return limit;
}

/** Counts the request in its credential's window; the configured limit, else the spec's example one. */
export function takeRate(env: Env, credential: string): Context["rate"] {
  const rateLimit = configured(env.options);
  const limit = rateLimit?.limit ?? specLimit(env) ?? undefined;
  if (limit === undefined) return undefined;
  const windowMs = (rateLimit?.window ?? 60) * 1000;
  const time = env.now();
  let window = env.state.windows.get(credential);
  if (!window || time - window.start >= windowMs) {
    // a renewed window goes to the end, so the map stays oldest first and forgetting is cheap
    env.state.windows.delete(credential);
    forgetWindows(env.state.windows, time, windowMs);
    env.state.windows.set(credential, (window = { start: time, used: 0 }));
  }
  window.used++;
  // without a configured limit the count only informs; it never refuses (a test suite may be busy)
  return { limit, remaining: rateLimit ? limit - window.used : Math.max(0, limit - window.used), reset: window.start + windowMs };
}

/** The most credentials whose windows are kept: a client inventing a token per request grows no map. */
export const MAX_RATE_WINDOWS = 10_000;

/** Drops the windows that ended, and the oldest ones past MAX_RATE_WINDOWS (a forgotten one starts afresh). */
function forgetWindows(windows: Env["state"]["windows"], time: number, windowMs: number): void {
  for (const [credential, window] of windows) {
    if (time - window.start < windowMs && windows.size < MAX_RATE_WINDOWS) break;
    windows.delete(credential);
  }
}

/** The 429 of a request over the configured limit (it sets the context's Retry-After); else undefined. */
export function rateLimited(env: Env, ctx: Context): EngineResponse | undefined {
  const rateLimit = configured(env.options);
  if (!(ctx.rate && rateLimit && ctx.rate.remaining < 0)) return undefined;
  ctx.retryAfter = Math.max(1, Math.ceil((ctx.rate.reset - env.now()) / 1000));
  // the example's message names the spec's limit and wait; this one names the configured ones
  const message = `Rate limit of ${ctx.rate.limit} requests per ${rateLimit.window ?? 60} seconds exceeded; retry in ${ctx.retryAfter} seconds.`;
  return error(env, ctx, 429, message);
}
