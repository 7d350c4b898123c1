// Faults a test chooses, seeded so a run repeats exactly: a share of the calls (`rate`), or the next N.
// Which call gets which fault comes from one seeded generator, drawn once per call in order.
// No Node built-ins: runs in a page.
import { seededRandom } from "@repo/mock-engine";

/**
 * What goes wrong: "reset" (the connection drops before the API sees the request), "timeout" (the API
 * carries the request out and its answer never comes: the case idempotency keys exist for), or an
 * answer the API's gateway gives without it: 500, 503 (with Retry-After), 429 (with Retry-After).
 */
export type FaultKind = "reset" | "timeout" | 500 | 503 | 429;
export const FAULT_KINDS: readonly FaultKind[] = ["reset", "timeout", 500, 503, 429];

export interface FaultOptions {
  /** The share of calls that fail, 0 to 1 (e.g. 0.1). */
  rate?: number | undefined;
  /** Fail the next N calls (then `rate`, if given, goes on). */
  next?: number | undefined;
  /** Which faults to draw from (default: all of FAULT_KINDS). */
  kinds?: readonly FaultKind[] | undefined;
  /** The seed of the draw (default 1): the same seed and calls give the same faults. */
  seed?: number | undefined;
  /** Only calls of these operationIds fail (default: every call). */
  operations?: readonly string[] | undefined;
  /** The Retry-After of a 503 or 429, in seconds (default 1). */
  retryAfter?: number | undefined;
}

export interface FaultPlan {
  /** The fault of the next call of `operationId`, or undefined. */
  draw(operationId: string | undefined): FaultKind | undefined;
  readonly retryAfter: number;
}

const kindOf = (text: string): FaultKind | undefined => FAULT_KINDS.find((kind) => String(kind) === text);

/** Reads `"reset,503"` or `["reset", 503]` into fault kinds; an unknown one is one clear line. */
export function faultKinds(value: string | readonly (FaultKind | string)[]): FaultKind[] {
  const list = typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value.map(String);
  return list.map((text) => {
    const kind = kindOf(text);
    if (kind === undefined) throw new TypeError(`Unknown fault kind "${text}"; use one of ${FAULT_KINDS.join(", ")}.`);
    return kind;
  });
}

/** Checks `options` (one clear line for a mistake) and makes its plan. */
export function faultPlan(options: FaultOptions | undefined, operationIds: readonly string[]): FaultPlan | undefined {
  if (!options) return undefined;
  const rate = options.rate ?? 0;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) throw new TypeError(`faults.rate must be a number from 0 to 1, got ${JSON.stringify(options.rate)}.`);
  let next = options.next ?? 0;
  if (!Number.isInteger(next) || next < 0) throw new TypeError(`faults.next must be a whole number of calls, got ${JSON.stringify(options.next)}.`);
  const kinds = faultKinds(options.kinds ?? FAULT_KINDS);
  if (!kinds.length) throw new TypeError("faults.kinds is empty; name at least one kind or leave it out.");
  const only = options.operations ? new Set(options.operations) : undefined;
  for (const id of only ?? []) if (!operationIds.includes(id)) throw new TypeError(`faults.operations: the spec has no operation "${id}".`);
  const retryAfter = options.retryAfter ?? 1;
  if (!(retryAfter >= 0)) throw new TypeError(`faults.retryAfter must be a number of seconds, got ${JSON.stringify(options.retryAfter)}.`);
  const random = seededRandom(options.seed ?? 1);
  return {
    retryAfter,
    draw(operationId) {
      if (only && (!operationId || !only.has(operationId))) return undefined;
      // one draw for the decision and one for the kind on every call, so a run with the same calls repeats
      const hit = random() < rate;
      const kind = kinds[Math.floor(random() * kinds.length)]!;
      if (next > 0) {
        next -= 1;
        return kind;
      }
      return hit ? kind : undefined;
    },
  };
}
