// How long the simulator takes to answer: a fixed time or a seeded range, for every call or per
// operationId. No Node built-ins: runs in a page.
import { seededRandom } from "@repo/mock-engine";

/** A fixed delay in ms, or one drawn (seeded) from `min` to `max` ms. */
export type Delay = number | { min: number; max: number };

/**
 * `latency`: a Delay for every call, or per operationId with `"*"` for the rest
 * (`{ "instances.create": 500, "*": { min: 10, max: 50 } }`).
 */
export type LatencyOptions = Delay | { [operationId: string]: Delay };

const isRange = (value: object): value is { min: number; max: number } =>
  Object.keys(value).every((key) => key === "min" || key === "max") && "min" in value && "max" in value;

function checked(delay: unknown, where: string): Delay {
  if (typeof delay === "number" && delay >= 0 && Number.isFinite(delay)) return delay;
  if (delay && typeof delay === "object" && isRange(delay) && delay.min >= 0 && delay.max >= delay.min) return delay;
  throw new TypeError(`${where} must be a number of ms or { min, max } with 0 ≤ min ≤ max, got ${JSON.stringify(delay)}.`);
}

/** Reads "200" or "50-200" (the CLI's --latency) into a Delay. */
export function parseDelay(text: string): Delay {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?$/.exec(text);
  if (!match) throw new TypeError(`--latency must be ms ("200") or a range ("50-200"), got "${text}".`);
  return checked(match[2] === undefined ? Number(match[1]) : { min: Number(match[1]), max: Number(match[2]) }, "--latency");
}

/** The delay of each call by operationId (0 when none is set), checked once; ranges drawn from `seed`. */
export function latencyPlan(options: LatencyOptions | undefined, operationIds: readonly string[], seed = 1): ((operationId: string | undefined) => number) | undefined {
  if (options === undefined) return undefined;
  const perOperation = typeof options === "object" && !isRange(options);
  const table = new Map<string, Delay>();
  if (perOperation) {
    for (const [id, delay] of Object.entries(options)) {
      if (id !== "*" && !operationIds.includes(id)) throw new TypeError(`latency: the spec has no operation "${id}" (use "*" for every other one).`);
      table.set(id, checked(delay, `latency["${id}"]`));
    }
  } else table.set("*", checked(options, "latency"));
  const random = seededRandom(seed);
  return (operationId) => {
    const delay = (operationId !== undefined ? table.get(operationId) : undefined) ?? table.get("*") ?? 0;
    return typeof delay === "number" ? delay : Math.round(delay.min + random() * (delay.max - delay.min));
  };
}
