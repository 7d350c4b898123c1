// Waiting for long-running work (`.wait()` on the promise of an operation that starts it, `--wait` in
// the CLI): poll the operation the model names until the answer says done or failed. Polls back off
// with jitter, honour Retry-After and an exhausted rate limit, and stop at an overall deadline.
import type { WaitDescriptor } from "@repo/model";
import { ActionFailedError, TimeoutError } from "./errors.js";
import type { Clock, RequestOptions } from "./options.js";
import { sleep } from "./retry.js";
import type { ApiResult } from "./request.js";

export interface WaitOptions<T = unknown> {
  /** Give up after this many ms (default 300 000: five minutes); rejects with a TimeoutError. */
  timeout?: number;
  /** The first poll's delay in ms (default 1000); later polls back off (×1.5, at most 15 s) with jitter. */
  interval?: number;
  /** Stops waiting (not the work): rejects with the signal's reason, an AbortError. */
  signal?: AbortSignal;
  /** Called with the first answer and each polled one. */
  onProgress?: (snapshot: T) => void;
}

/** Calls an operation by its operationId: the SDK's request function, or the CLI's client. */
export type Call = (operationId: string, params: Record<string, unknown>, options?: RequestOptions) => Promise<ApiResult<unknown>>;

const MAX_INTERVAL_MS = 15_000;

/** A value of the answer's progress field, or undefined. */
const progressOf = (wait: WaitDescriptor, snapshot: unknown) => (snapshot && typeof snapshot === "object" ? (snapshot as Record<string, unknown>)[wait.field] : undefined);

/** How long the server asked us to hold off, in ms (Retry-After, or an exhausted rate limit until its reset). */
function serverDelay(response: Response | undefined, now: number): number {
  if (!response) return 0;
  const retryAfter = Number(response.headers.get("retry-after"));
  if (retryAfter > 0) return retryAfter * 1000;
  const remaining = response.headers.get("x-ratelimit-remaining");
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  if (remaining === "0" && reset > 0) return Math.max(0, (reset > 1e9 ? reset * 1000 - now : reset * 1000));
  return 0;
}

const realTime: Clock = { now: () => Date.now(), sleep };

/** "action act_5k2m8p1q (reboot)" / "instance inst_29f8b3a1": what a message names. */
export function describeTarget(wait: WaitDescriptor, snapshot: unknown): string {
  const record = (snapshot ?? {}) as Record<string, unknown>;
  const type = typeof record.type === "string" ? ` (${record.type})` : "";
  return `${wait.what} ${String(record[wait.from] ?? "")}${type}`;
}

/** Polls until `first`'s work is done; resolves with the last answer, rejects when it failed or took too long. */
export async function waitUntilDone<T>(call: Call, wait: WaitDescriptor, first: T, options: WaitOptions<T> = {}, response?: Response, clock: Clock = realTime): Promise<T> {
  const started = clock.now();
  const timeout = options.timeout ?? 300_000;
  let delay = options.interval ?? 1000;
  let snapshot = first;
  let last = response;
  const id = (first as Record<string, unknown> | undefined)?.[wait.from];
  if (id === undefined) throw new TypeError(`Cannot wait: the answer has no ${wait.from} to poll ${wait.poll} with.`);
  for (;;) {
    options.onProgress?.(snapshot);
    const progress = progressOf(wait, snapshot);
    if (wait.done.includes(progress)) return snapshot;
    if (wait.failed?.includes(progress)) {
      const reason = (wait.error ? (snapshot as Record<string, unknown>)[wait.error] : undefined) as { code?: string; message?: string } | null | undefined;
      const why = reason ? `${reason.code ?? ""}${reason.code && reason.message ? ": " : ""}${reason.message ?? ""}` : String(progress);
      throw new ActionFailedError(`The ${describeTarget(wait, snapshot)} failed: ${why}`, snapshot, reason?.code);
    }
    const left = timeout - (clock.now() - started);
    if (left <= 0) {
      throw new TimeoutError(`Waited ${Math.round(timeout / 1000)} s for the ${describeTarget(wait, snapshot)}; it is still ${String(progress)}.`);
    }
    const jittered = delay * (0.8 + Math.random() * 0.4);
    await clock.sleep(Math.min(left, Math.max(jittered, serverDelay(last, clock.now()))), options.signal);
    delay = Math.min(delay * 1.5, MAX_INTERVAL_MS);
    const result = await call(wait.poll, { [wait.param]: id }, options.signal ? { signal: options.signal } : {});
    snapshot = result.data as T;
    last = result.response;
  }
}
