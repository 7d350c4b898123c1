// `pnpm bench` (or `pnpm --filter @repo/mock bench`): what the stateful mock costs next to Prism's
// static example mock, for CloudNexus, in one run. Each mode is started ROUNDS times (alternating, so
// drift in the machine's load hits both); per start it measures how long startMock() takes to be
// ready, then requests per second of GET /me and GET /instances?page_size=10 with CONCURRENCY fetch
// loops for DURATION_MS each. Prints medians and the stateful/static ratio. Figures only: no asserts.
import { startMock, type RunningMock } from "../src/index.js";

const API = "cloudnexus";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 300);
const ENDPOINTS = ["/me", "/instances?page_size=10"] as const;
const MODES = ["stateful", "static"] as const;
type Mode = (typeof MODES)[number];

const headers = { authorization: "Bearer x", accept: "application/json" };
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Requests per second of GET `url` with CONCURRENCY loops for `ms`; answers other than 2xx are counted apart. */
async function rps(url: string, ms: number): Promise<{ rps: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const end = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < end) {
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (response.ok) done++;
      else failed++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return { rps: ((done + failed) * 1000) / (performance.now() - start), failed };
}

const start = (mode: Mode): Promise<RunningMock> => (mode === "static" ? startMock(API, { mode: "static" }) : startMock(API));

interface Figures {
  ready: number[];
  rps: Record<string, number[]>;
  failed: number;
}
const results: Record<Mode, Figures> = Object.fromEntries(
  MODES.map((mode) => [mode, { ready: [], rps: Object.fromEntries(ENDPOINTS.map((path) => [path, []])), failed: 0 }]),
) as unknown as Record<Mode, Figures>;

console.log(`mock bench: ${API}, ${ROUNDS} starts per mode, ${CONCURRENCY} concurrent fetch loops × ${DURATION_MS} ms per endpoint`);
for (let round = 0; round < ROUNDS; round++) {
  // alternate which mode goes first, so neither always runs on a cold or a warm machine
  const order = round % 2 ? [...MODES].reverse() : [...MODES];
  for (const mode of order) {
    const began = performance.now();
    const mock = await start(mode);
    const ready = performance.now() - began;
    const figures = results[mode];
    figures.ready.push(ready);
    const line = [`  round ${round + 1} ${mode.padEnd(8)} ready ${ready.toFixed(0).padStart(5)} ms`];
    try {
      for (const path of ENDPOINTS) {
        await rps(`${mock.url}${path}`, WARMUP_MS);
        const measured = await rps(`${mock.url}${path}`, DURATION_MS);
        figures.rps[path]!.push(measured.rps);
        figures.failed += measured.failed;
        line.push(`${path} ${measured.rps.toFixed(0).padStart(5)} req/s${measured.failed ? ` (${measured.failed} not 2xx)` : ""}`);
        mock.reset(); // stateful: forget the requests listed so far (static: nothing to forget)
      }
    } finally {
      await mock.stop();
    }
    console.log(line.join("  "));
  }
}

// the first stateful start of a process loads Prism's validators (later ones reuse them); every static start spawns Prism
const rows: string[][] = [["", "first ready (ms)", "ready (ms)", ...ENDPOINTS.map((path) => `GET ${path} (req/s)`)]];
for (const mode of MODES) {
  const figures = results[mode];
  rows.push([mode, (figures.ready[0] ?? 0).toFixed(0), median(figures.ready).toFixed(0), ...ENDPOINTS.map((path) => median(figures.rps[path]!).toFixed(0))]);
}
rows.push([
  "stateful/static",
  ((results.stateful.ready[0] ?? 0) / (results.static.ready[0] ?? 1)).toFixed(2),
  (median(results.stateful.ready) / median(results.static.ready)).toFixed(2),
  ...ENDPOINTS.map((path) => (median(results.stateful.rps[path]!) / median(results.static.rps[path]!)).toFixed(2)),
]);
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
console.log(`\nmedians of ${ROUNDS} starts per mode:`);
for (const [index, row] of rows.entries()) {
  console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("   "));
  if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("   "));
}
const failed = MODES.filter((mode) => results[mode].failed).map((mode) => `${mode}: ${results[mode].failed}`);
if (failed.length) console.log(`answers other than 2xx (counted in req/s): ${failed.join(", ")}`);
