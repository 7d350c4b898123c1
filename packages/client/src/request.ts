// The request core: turns (operation, flat params, options) into an HTTP request, sends it with
// timeouts and retries, and turns the response into data or a typed error.
import { onAbort } from "./abort.js";
import { baseUrlProblem, checkHeader, withoutUserinfo } from "./checks.js";
import type { OperationTable, OperationDescriptor } from "@repo/model";
import { credentialsFor, secretNames, type Credentials } from "./credentials.js";
import { ConnectionError, createApiError, InvalidResponseError, keptBody, TimeoutError } from "./errors.js";
import type { Clock, Logger, PreferOptions, RequestOptions, RetryInfo } from "./options.js";
import { decodeText, readBytes } from "./read-body.js";
import { fetchFollowing, RedirectRefused } from "./redirects.js";
import { canRetryMethod, MAX_RETRY_AFTER_MS, parseRetryAfter, RETRYABLE_STATUSES, retryDelay } from "./retry.js";
import { fillPath, serializeQuery } from "./serialize.js";

/** A client's settings once defaults and the environment are applied. */
export interface ResolvedConfig {
  api: OperationTable;
  baseUrl: string;
  /** `baseUrl` also replaces the servers operations declare for themselves. */
  overrideOperationServers: boolean;
  /** Headers sent on every request (credentials are placed per operation). */
  headers: Record<string, string>;
  /** The caller's credential per security scheme. */
  credentials: Credentials;
  timeout: number;
  maxRetries: number;
  /** The largest response body read, in bytes. */
  maxResponseBytes: number;
  fetch: typeof globalThis.fetch;
  logger: Logger | undefined;
  onRetry: ((retry: RetryInfo) => void) | undefined;
  /** What retries and waiters sleep on. */
  clock: Clock;
}

/** The parsed body and the raw Response (status, headers such as the request id and rate limits). */
export interface ApiResult<T> {
  data: T;
  response: Response;
}

interface PreparedRequest {
  url: string;
  /** The URL for logs and messages: a credential in the query is redacted. */
  shownUrl: string;
  init: { method: string; headers: Record<string, string>; body?: BodyInit };
  idempotent: boolean;
}

/**
 * Sets a header, replacing one of the same name in another case (fetch would join the two values).
 * A value fetch would refuse is a TypeError here, before any attempt (fetch's own error quotes it).
 */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  checkHeader(name, value);
  const lower = name.toLowerCase();
  for (const existing in headers) if (existing !== name && existing.toLowerCase() === lower) delete headers[existing];
  headers[name] = value;
}

/** Adds `extra` to `headers`; a name given in another case replaces ours instead of joining it. */
export function mergeHeaders(headers: Record<string, string>, extra: Record<string, string> | undefined): void {
  for (const name in extra) setHeader(headers, name, extra[name]!);
}

const pathParams = new Map<string, string[]>();
/** The `{name}`s of a path template, parsed once per template. */
function pathParamNames(template: string): string[] {
  let names = pathParams.get(template);
  if (!names) pathParams.set(template, (names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)));
  return names;
}

/** Builds the URL, headers and body of one operation call from its flat params. */
export function prepareRequest(
  config: ResolvedConfig,
  operationId: string,
  op: OperationDescriptor,
  params: Record<string, unknown>,
  options: RequestOptions,
): PreparedRequest {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = { ...config.headers };
  const cookies: string[] = [];
  // entries, not assignments: a body field named "__proto__" (from parsed JSON) stays a field
  const rest: Array<[string, unknown]> = [];
  let body: unknown;
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const location = op.params && Object.hasOwn(op.params, key) ? op.params[key] : undefined;
    if (location === "path") path[key] = value;
    else if (location === "query") query[key] = value;
    else if (location === "header") setHeader(headers, key, String(value));
    else if (location === "cookie") cookies.push(`${key}=${encodeURIComponent(String(value))}`);
    else if (op.body === "body" && key === "body") body = value;
    else if (op.body === "flat") rest.push([key, value]);
    else {
      const known = [...Object.keys(op.params ?? {}), ...(op.body === "body" ? ["body"] : [])];
      throw new TypeError(
        `Unknown parameter "${key}" for ${operationId}; it takes ${known.length ? known.map((k) => `"${k}"`).join(", ") : "no parameters"}.`,
      );
    }
  }
  for (const name of pathParamNames(op.path)) {
    if (path[name] === undefined) throw new TypeError(`Missing path parameter "${name}" for ${operationId}.`);
  }
  if (op.body === "flat") body = Object.fromEntries(rest);
  const placed = credentialsFor(config.api, op, config.credentials);
  for (const { placement, value } of placed) {
    if (placement.in === "header") setHeader(headers, placement.name, value);
    else if (placement.in === "cookie") cookies.unshift(`${placement.name}=${encodeURIComponent(value)}`);
    else query[placement.name] = value;
  }
  const secretQuery = placed.filter(({ placement }) => placement.in === "query").map(({ placement }) => placement.name);
  if (cookies.length) headers.Cookie = [headers.Cookie, ...cookies].filter(Boolean).join("; ");
  const encoded = body === undefined ? undefined : encodeBody(body, op.contentType);
  // multipart: fetch writes the Content-Type itself, with the boundary
  if (encoded !== undefined && !/^multipart\//i.test(op.contentType ?? "")) headers["Content-Type"] = op.contentType ?? "application/json";

  // a PDF or CSV download asks for what the spec says it answers (the client's default is JSON)
  if (op.accept) setHeader(headers, "Accept", op.accept);
  const keyHeader = op.idempotencyHeader ?? "Idempotency-Key";
  const key = options.idempotencyKey ?? params[keyHeader] ?? (op.idempotencyHeader ? randomKey() : undefined);
  if (key !== undefined) setHeader(headers, keyHeader, String(key));
  if (options.prefer) setHeader(headers, "Prefer", preferHeader(options.prefer));
  mergeHeaders(headers, options.headers);

  const search = serializeQuery(query);
  const base = `${serverOf(config, op, options)}${fillPath(op.path, path, operationId)}`;
  const url = `${base}${search ? `?${search}` : ""}`;
  const shown = secretQuery.length ? serializeQuery({ ...query, ...Object.fromEntries(secretQuery.map((name) => [name, "[redacted]"])) }) : search;
  return {
    url,
    shownUrl: `${base}${shown ? `?${shown}` : ""}`,
    init: { method: op.method, headers, ...(encoded === undefined ? {} : { body: encoded }) },
    idempotent: canRetryMethod(op.method, key !== undefined),
  };
}

/**
 * Where a call goes: the call's `baseUrl`, else the operation's own server (a relative one resolved
 * against the client's base URL, so it follows an override), else the client's base URL.
 */
function serverOf(config: ResolvedConfig, op: OperationDescriptor, options: RequestOptions): string {
  const own = op.server && !config.overrideOperationServers ? op.server : undefined;
  const chosen = options.baseUrl ?? (own === undefined ? undefined : /^https?:/i.test(own) || !/^https?:/i.test(config.baseUrl) ? own : new URL(own, config.baseUrl).href);
  if (chosen === undefined) return config.baseUrl;
  const problem = baseUrlProblem(chosen);
  if (problem) throw new TypeError(`The base URL ${problem}${typeof chosen === "string" ? `, got "${withoutUserinfo(chosen)}"` : ""}.`);
  return chosen.replace(/\/+$/, "");
}

/** Sends one operation call, retrying what is safe to retry, and parses the result. */
export async function performRequest(
  config: ResolvedConfig,
  operationId: string,
  params: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<ApiResult<unknown>> {
  // own keys only: "constructor" or "__proto__" is no operation
  const op = Object.hasOwn(config.api.operations, operationId) ? config.api.operations[operationId] : undefined;
  if (!op) {
    throw new TypeError(
      `Unknown operation "${operationId}" of the ${config.api.name} API. Known operations: ${Object.keys(config.api.operations).join(", ")}.`,
    );
  }
  const request = prepareRequest(config, operationId, op, params, options);
  const maxRetries = options.maxRetries ?? config.maxRetries;
  const log = config.logger ? (message: string, ...details: unknown[]) => config.logger!.debug(message, ...details) : undefined;

  /** Waits before the next attempt, telling the logger and the onRetry hook (the CLI announces long waits). */
  const wait = (attempt: number, delay: number, retryAfter: boolean, status?: number, error?: unknown) => {
    config.onRetry?.({ operationId, attempt: attempt + 1, maxAttempts: maxRetries + 1, delay, retryAfter, status, error });
    return config.clock.sleep(delay, options.signal);
  };

  for (let attempt = 0; ; attempt++) {
    const canRetry = request.idempotent && attempt < maxRetries;
    log?.(`${config.api.name} ${operationId}: ${request.init.method} ${request.shownUrl} (attempt ${attempt + 1}/${maxRetries + 1})`, {
      headers: redact(request.init.headers, secretNames(config.api).headers),
    });
    const started = Date.now();
    const result = await attemptOnce(config, operationId, request, options);
    if ("failure" in result) {
      if (canRetry && !result.final) {
        const delay = retryDelay(attempt);
        log?.(`${config.api.name} ${operationId}: ${result.failure}; retrying in ${delay} ms`);
        await wait(attempt, delay, false, undefined, result.cause);
        continue;
      }
      const postNote = !request.idempotent && maxRetries > 0 && !result.final;
      if (postNote) log?.(notRetried(config, operationId, request));
      const attempts = `${attempt + 1} attempt${attempt ? "s" : ""}`;
      const ErrorClass = result.timedOut ? TimeoutError : ConnectionError;
      throw new ErrorClass(
        `${result.failure} (${attempts}${postNote ? `; a ${request.init.method} is retried only with an Idempotency-Key` : ""}).`,
        { cause: result.cause },
      );
    }
    const { response, bytes } = result;
    // a Blob keeps the bytes as they came; everything else is read as text
    const text = response.ok && op.parseAs === "blob" ? "" : decodeText(bytes);
    log?.(`${config.api.name} ${operationId}: ${response.status} in ${Date.now() - started} ms`);

    if (response.ok) return { data: parseSuccess(operationId, op, response, text, bytes), response };
    const error = createApiError(config.api.errorShape, parseErrorBody(text), response, text);
    if (RETRYABLE_STATUSES.has(response.status)) {
      const serverWait = parseRetryAfter(response.headers.get("retry-after"), config.clock.now());
      // a server asking for longer than we wait gets no retry: error.retryAfter lets the caller schedule it
      const tooLong = serverWait !== undefined && serverWait > MAX_RETRY_AFTER_MS;
      if (canRetry && !tooLong) {
        const delay = retryDelay(attempt, serverWait);
        log?.(`${config.api.name} ${operationId}: retrying in ${delay} ms${serverWait === undefined ? "" : ` (Retry-After: ${response.headers.get("retry-after")})`}`, {
          status: response.status,
          delay,
        });
        await wait(attempt, delay, serverWait !== undefined, response.status);
        continue;
      }
      if (canRetry) {
        log?.(`${config.api.name} ${operationId}: not retried: Retry-After (${error.retryAfter} s) is over ${MAX_RETRY_AFTER_MS / 1000} s`);
      } else if (!request.idempotent && maxRetries > 0) log?.(notRetried(config, operationId, request));
    }
    throw error;
  }
}

const notRetried = (config: ResolvedConfig, operationId: string, request: PreparedRequest) =>
  `${config.api.name} ${operationId}: not retried: a ${request.init.method} is retried only with an Idempotency-Key (RequestOptions.idempotencyKey)`;

const MAX_TIMER_MS = 2_147_483_647;

/** An attempt that got no answer: what to say, and whether another attempt could help. */
interface Failure {
  failure: string;
  cause: unknown;
  timedOut: boolean;
  /** A redirect loop answers the same way every time. */
  final: boolean;
}

/**
 * One fetch and the read of its body, bounded by the timeout and the caller's signal. No answer is
 * a Failure (the caller decides on retries); an abort, an oversized body or a bad one is thrown.
 */
async function attemptOnce(
  config: ResolvedConfig,
  operationId: string,
  request: PreparedRequest,
  options: RequestOptions,
): Promise<{ response: Response; bytes: Uint8Array } | Failure> {
  const timeout = options.timeout ?? config.timeout;
  const caller = options.signal;
  if (caller?.aborted) throw caller.reason;
  // 0 or Infinity means no timeout (and setTimeout cannot wait longer than 2^31 - 1 ms anyway)
  const bounded = timeout > 0 && timeout <= MAX_TIMER_MS;
  // an AbortSignal costs CPU on every request: make one only when something may abort
  const controller = bounded || caller ? new AbortController() : undefined;
  const release = caller && controller ? onAbort(caller, () => controller.abort(caller.reason)) : undefined;
  let timedOut = false;
  const timer = bounded
    ? setTimeout(() => {
        timedOut = true;
        controller?.abort();
      }, timeout)
    : undefined;
  try {
    const init = controller ? { ...request.init, signal: controller.signal } : request.init;
    const response = await fetchFollowing(config.fetch, request.url, init);
    return { response, bytes: await readBytes(response, config.maxResponseBytes, operationId) };
  } catch (error) {
    if (caller?.aborted) throw caller.reason;
    if (error instanceof InvalidResponseError) throw error;
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    // a redirect loop, or one the SDK refuses to follow, answers the same way every time
    const final = !timedOut && (error instanceof RedirectRefused || /redirect/i.test(reason));
    const failure = timedOut
      ? `${request.init.method} ${request.shownUrl} timed out after ${timeout} ms`
      : error instanceof RedirectRefused
        ? `${request.init.method} ${request.shownUrl} was not followed: ${reason}; not retried`
        : `Could not reach ${request.shownUrl}: ${reason}${final ? " (a redirect loop?); not retried" : ""}`;
    return { failure, cause: error, timedOut, final };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    release?.();
  }
}

function parseSuccess(operationId: string, op: OperationDescriptor, response: Response, text: string, bytes: Uint8Array): unknown {
  if (op.parseAs === "text") return text;
  if (op.parseAs === "blob") return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: response.headers.get("content-type") ?? "" });
  if (!op.json) return undefined;
  // an empty answer where the spec promises a JSON body would resolve `undefined` against the types
  if (response.status === 204 || response.status === 205 || !text.trim()) {
    throw new InvalidResponseError(
      `The ${response.status} response to ${operationId} has no body; the spec promises JSON.`,
      response,
      text,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const snippet = text.replace(/\s+/g, " ").slice(0, 120);
    throw new InvalidResponseError(
      `The ${response.status} response to ${operationId} is not valid JSON: ${snippet}.`,
      response,
      keptBody(text),
      { cause: error },
    );
  }
}

/** An error body: the parsed JSON, or the text itself (e.g. a proxy's HTML page). */
function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** JSON for JSON bodies; for other media types, what fetch can send as is, or a form from an object. */
function encodeBody(body: unknown, contentType: string | undefined): BodyInit {
  if (!contentType) return JSON.stringify(body);
  if (typeof body === "string" || body instanceof Blob || body instanceof FormData || body instanceof URLSearchParams || body instanceof ArrayBuffer) {
    return body;
  }
  if (typeof body === "object" && body !== null) {
    const entries = Object.entries(body).filter(([, v]) => v !== undefined);
    if (/^multipart\//i.test(contentType)) {
      const form = new FormData();
      for (const [k, v] of entries) form.append(k, v instanceof Blob ? v : String(v));
      return form;
    }
    if (/x-www-form-urlencoded/i.test(contentType)) return new URLSearchParams(entries.map(([k, v]) => [k, String(v)]));
  }
  return String(body);
}

function preferHeader(prefer: PreferOptions): string {
  const parts: string[] = [];
  if (prefer.code !== undefined) parts.push(`code=${prefer.code}`);
  if (prefer.example !== undefined) parts.push(`example=${prefer.example}`);
  if (prefer.dynamic !== undefined) parts.push(`dynamic=${prefer.dynamic}`);
  return parts.join(", ");
}

function randomKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === "function") return crypto.randomUUID();
  // insecure browser contexts lack randomUUID but have getRandomValues
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const SECRET_HEADER = /authorization|cookie|token|secret|api-?key|password/i;

/** Headers as the logger sees them: credentials replaced. */
export function redact(headers: Record<string, string>, secretHeaders: readonly string[] = []): Record<string, string> {
  const secret = (name: string) => SECRET_HEADER.test(name) || secretHeaders.includes(name.toLowerCase());
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, secret(k) ? "[redacted]" : v]));
}
