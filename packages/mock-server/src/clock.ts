// The simulator's time. "real": wall time (plus whatever advance() added); "manual": time stands still
// until the test moves it, and a client's waits (retries' backoff, `.wait()` polls) move it instead of
// sleeping. Actions complete when this clock passes their due time. No Node built-ins: runs in a page.
import ms from "ms";

export type Duration = number | string;

export interface MockClock {
  readonly mode: "real" | "manual";
  /** Milliseconds since the epoch, as the simulator sees them. */
  now(): number;
  /** Moves time on by `by` (ms, or a string such as "30s", "5m", "250ms"); answers the new now(). */
  advance(by: Duration): number;
  /** Waits `ms` on this clock: real time sleeps, the manual clock moves on by `ms` at once. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `by` in ms: a number as is, a string as `ms` reads it ("30s", "1.5m", "2 hours"); bad input is one clear line. */
export function durationMs(by: Duration, what = "a duration"): number {
  const value = typeof by === "number" ? by : ms(by as Parameters<typeof ms>[0]);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${what} must be a number of ms or a string such as "30s" or "250ms", got ${JSON.stringify(by)}.`);
  }
  return value;
}

const realSleep = (time: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, time);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export function createClock(mode: "real" | "manual" = "real"): MockClock {
  if (mode !== "real" && mode !== "manual") throw new TypeError(`clock must be "real" or "manual", got ${JSON.stringify(mode)}.`);
  const start = Date.now();
  let offset = 0;
  const now = mode === "manual" ? () => start + offset : () => Date.now() + offset;
  const advance = (by: Duration) => {
    offset += durationMs(by, "clock.advance()");
    return now();
  };
  return {
    mode,
    now,
    advance,
    sleep:
      mode === "manual"
        ? async (time, signal) => {
            if (signal?.aborted) throw signal.reason;
            advance(Math.max(0, time));
            // a turn of the event loop, so a wait in a loop cannot starve the I/O around it
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        : realSleep,
  };
}
