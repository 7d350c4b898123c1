// When and how long to wait before trying a request again.
import { onAbort } from "./abort.js";

/** Statuses worth another attempt: rate limited, or a gateway/server that may recover. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Methods that may be repeated safely; others need an Idempotency-Key to be retried. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

export function canRetryMethod(method: string, hasIdempotencyKey: boolean): boolean {
  return hasIdempotencyKey || IDEMPOTENT_METHODS.has(method);
}

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/**
 * The longest Retry-After the client waits. A server asking for longer gets no retry: the error is
 * thrown at once with `retryAfter`, so the caller can schedule the call (a hidden wait would hang).
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The delay before retry number `retry` (0-based): the server's Retry-After in ms when it gave a
 * valid one, else exponential backoff with up to 25% jitter.
 */
export function retryDelay(retry: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return Math.round(backoff * (1 - Math.random() * 0.25));
}

/** Retry-After in ms (RFC 9110: delay-seconds or an HTTP-date), or undefined when absent or invalid. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // every HTTP-date form starts with a day name; Date.parse alone reads "-5" as a year
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      release?.();
      resolve();
    }, ms);
    const release = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
  });
}
