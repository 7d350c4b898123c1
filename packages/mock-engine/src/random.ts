// Repeatable randomness: every id the mock makes comes from one seeded generator, so the same seed and
// the same requests give the same ids (a test can assert on them), and reset() starts the sequence over.
import RandExpModule from "randexp";

// CommonJS whose types say `default` while Node hands over the class itself; this works bundled and not.
const RandExp = ((RandExpModule as unknown as { default?: typeof RandExpModule }).default ?? RandExpModule) as unknown as typeof RandExpModule.default;

/** mulberry32: a tiny, well-known 32-bit PRNG; plenty for ids, never for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parsed once per pattern: parsing is most of the cost of an id. */
const generators = new Map<string, { generator: InstanceType<typeof RandExp>; check: RegExp }>();

/**
 * A string matching `pattern` (e.g. `^inst_[a-z0-9]+$` → `inst_k3v9x2qa`), within the schema's
 * length bounds; `fallback` (the example's value) when the pattern cannot be generated.
 */
export function stringFor(random: () => number, pattern: string | undefined, bounds: { minLength?: number; maxLength?: number }, fallback: string): string {
  if (!pattern) return fallback;
  try {
    // `[a-z0-9]+` → 8 characters, like the spec's examples (`inst_8f3a2b1c`); the result is checked
    // against the real pattern below
    let compiled = generators.get(pattern);
    if (!compiled) {
      const generator = new RandExp(pattern.replace(/\]\+/g, "]{8}"));
      generator.max = 8;
      generators.set(pattern, (compiled = { generator, check: new RegExp(pattern, "u") }));
    }
    const { generator, check } = compiled;
    generator.randInt = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
    for (let attempt = 0; attempt < 20; attempt++) {
      const value = generator.gen();
      const long = value.length >= (bounds.minLength ?? 0) && value.length <= (bounds.maxLength ?? Infinity);
      if (long && check.test(value)) return value;
    }
  } catch {
    // a pattern RandExp cannot read: keep the example's value
  }
  return fallback;
}
