// The latency and fault flags of `pnpm mock` and `<api> mock` (--latency 200|50-200, --faults 0.1,
// --fault-kinds reset,503, --fault-seed 7), read into the simulator's options; a mistake is one line.
import { faultKinds, type FaultOptions } from "./faults.js";
import { parseDelay, type LatencyOptions } from "./latency.js";

export interface ChaosFlags {
  latency?: string | undefined;
  faults?: string | undefined;
  faultKinds?: string | undefined;
  faultSeed?: string | undefined;
}

export const CHAOS_USAGE = "[--latency <ms|min-max>] [--faults <rate 0-1>] [--fault-kinds reset,timeout,500,503,429] [--fault-seed <n>]";

export function chaosOptions(flags: ChaosFlags): { latency?: LatencyOptions; faults?: FaultOptions } {
  const out: { latency?: LatencyOptions; faults?: FaultOptions } = {};
  if (flags.latency !== undefined) out.latency = parseDelay(flags.latency);
  if (flags.faults !== undefined || flags.faultKinds !== undefined || flags.faultSeed !== undefined) {
    const rate = Number(flags.faults ?? 0);
    if (flags.faults === undefined || !(rate > 0 && rate <= 1)) throw new TypeError(`--faults must be a share of calls from 0 to 1 (e.g. 0.1), got "${flags.faults ?? ""}".`);
    const seed = flags.faultSeed === undefined ? undefined : Number(flags.faultSeed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new TypeError(`--fault-seed must be a whole number, got "${flags.faultSeed}".`);
    out.faults = { rate, ...(flags.faultKinds !== undefined ? { kinds: faultKinds(flags.faultKinds) } : {}), ...(seed !== undefined ? { seed } : {}) };
  }
  return out;
}
