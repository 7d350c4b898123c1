// What callers can tune, per client and per request.

/** A debug logger, e.g. `console`. It receives request lines with credentials redacted. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
}

export interface ClientOptions {
  /**
   * Base URL of the API; default `<API>_BASE_URL` from the environment, else the spec's first server.
   * It replaces the API's server only: an operation the spec sends to a server of its own (an upload
   * host) keeps it, unless `overrideOperationServers` is set or the call passes its own `baseUrl`.
   */
  baseUrl?: string | undefined;
  /** Send every operation to `baseUrl`, also those with a server of their own (a mock, a proxy in front of every host). */
  overrideOperationServers?: boolean | undefined;
  /** A session ID sent as the API's session cookie (Cloudnode), instead of or next to a token. */
  session?: string | undefined;
  /**
   * A credential per security scheme, by the scheme's name in the spec, for an API with several (an API
   * key for some operations, an OAuth2 access token for others). It wins over the token for that scheme.
   * HTTP Basic takes `user:password`.
   */
  credentials?: Record<string, string> | undefined;
  /** Milliseconds each attempt may take before it fails with a TimeoutError (default 60 000; 0 or Infinity: none). */
  timeout?: number | undefined;
  /** How many times a failed request is retried (default 2). */
  maxRetries?: number | undefined;
  /**
   * The largest response body read, in bytes (default 50 MiB; Infinity: no limit). A larger one fails
   * with an InvalidResponseError, before it is read when Content-Length says so.
   */
  maxResponseBytes?: number | undefined;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Headers sent on every request. */
  headers?: Record<string, string> | undefined;
  /** The User-Agent header (runtimes that forbid setting it, like browsers, ignore it). */
  userAgent?: string | undefined;
  /** Receives one line per attempt, retry and response; never the token. */
  logger?: Logger | undefined;
  /** Called before each wait for a retry, e.g. to tell a user why nothing happens for 30 s. */
  onRetry?: ((retry: RetryInfo) => void) | undefined;
  /**
   * The time the client waits on: retries' backoff, `.wait()`'s polls and its deadline (default: real
   * time). A mock's manual clock passes its own, so waiting moves the mock's time on instead of sleeping.
   * Each attempt's `timeout` stays on real time: it guards against an answer that never comes.
   */
  clock?: Clock | undefined;
}

/** A source of time: now (ms since the epoch) and a sleep that rejects with the signal's reason when it aborts. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A retry about to wait: which attempt failed, how, and for how long the client now waits. */
export interface RetryInfo {
  operationId: string;
  /** The attempt that failed (1-based) and the most there will be. */
  attempt: number;
  maxAttempts: number;
  /** Milliseconds until the next attempt. */
  delay: number;
  /** Whether the delay is the server's Retry-After (else backoff). */
  retryAfter: boolean;
  /** The status of the answer that is retried, when one came. */
  status?: number | undefined;
  /** The connection error, when no answer came. */
  error?: unknown;
}

/** Prism's `Prefer` header: choose a mock scenario (status, named example, dynamic data) per call. */
export interface PreferOptions {
  code?: number | undefined;
  example?: string | undefined;
  dynamic?: boolean | undefined;
}

export interface RequestOptions {
  /** Cancels the request (and any pending retry) when aborted. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this request, per attempt. */
  timeout?: number | undefined;
  /** Extra headers for this request (they win over the client's). */
  headers?: Record<string, string> | undefined;
  /** Sent as `Idempotency-Key`; makes a POST safe to retry. Generated when the spec declares the header. */
  idempotencyKey?: string | undefined;
  /** Overrides the client's maxRetries for this request. */
  maxRetries?: number | undefined;
  /** Sends this request to another server, whichever the operation uses (the API's or its own). */
  baseUrl?: string | undefined;
  /** Asks a Prism mock for a given scenario. */
  prefer?: PreferOptions | undefined;
}
