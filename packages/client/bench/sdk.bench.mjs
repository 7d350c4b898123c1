// `pnpm bench`: for each SDK package (built dist/), prints
//  - requests per second of raw fetch, fetch with a per-request AbortSignal (the price of timeouts),
//    plain openapi-fetch and the SDK, in one run against the same local node:http server (rounds with
//    rotating order, median), the ratio to raw fetch (goal for the SDK ≥ 0.97) and client CPU/request;
//  - the SDK's size, minified + gzipped, for a consumer bundle that imports only ApiClient (goal ≤ 6 kB).
// Figures only: nothing here passes or fails.
import { fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import createClient from "openapi-fetch";
import { listApis } from "@repo/model/build";
import { clientBundleSize } from "./client-size.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(here, "../..");
const DURATION_MS = Number(process.env.BENCH_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

/** SDK packages: the APIs of spec/ whose package has a built dist/index.js and a generated model. */
const sdks = listApis().filter((api) =>
  existsSync(join(packagesDir, api, "dist/index.js")) && existsSync(join(packagesDir, api, "generated/model.json")),
);

/**
 * Requests per second of `call` with CONCURRENCY loops for DURATION_MS, and the client process's CPU
 * time per request (the server runs in another process), which other load on the machine skews less.
 */
async function rps(call) {
  let count = 0;
  const end = performance.now() + DURATION_MS;
  const loop = async () => {
    while (performance.now() < end) {
      await call();
      count++;
    }
  };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  const cpu = process.cpuUsage(cpuStart);
  return { rps: (count * 1000) / (performance.now() - start), cpu: (cpu.user + cpu.system) / count };
}

/** Median µs per sequential call over several batches. */
async function microseconds(call, calls = 20_000, batches = 5) {
  for (let i = 0; i < 2_000; i++) await call();
  const results = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await call();
    results.push(((performance.now() - start) * 1000) / calls);
  }
  return median(results);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function startServer(body) {
  const child = fork(join(here, "server.mjs"), [Buffer.from(JSON.stringify(body)).toString("base64")]);
  const { port } = await new Promise((resolve) => child.once("message", resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** The client's bundle size (bench/client-size.mjs), with this package's esbuild. */
const bundleSize = (api) => clientBundleSize({ build, packageDir: join(packagesDir, api), api, workDir: here });

for (const api of sdks) {
  const model = JSON.parse(readFileSync(join(packagesDir, api, "generated/model.json"), "utf8"));
  // the benchmark call: the first GET without path parameters (a list where there is one)
  const op =
    model.operations.find((o) => o.method === "GET" && o.pagination) ??
    model.operations.find((o) => o.method === "GET" && !o.path.includes("{"));
  const { ApiClient } = await import(pathToFileURL(join(packagesDir, api, "dist/index.js")).href);
  const server = await startServer({ ok: true, items: Array.from({ length: 10 }, (_, i) => ({ id: `item_${i}`, name: "x" })) });
  const token = "bench_token";
  const headers = { Authorization: `Bearer ${token}`, Accept: "application/json" };
  const url = `${server.url}${op.path}`;

  const raw = () => fetch(url, { headers }).then((r) => r.json());
  // what a timeout costs by itself: fetch with a per-request AbortController (as the SDK needs for
  // its timeouts and cancellation), nothing else
  const rawWithSignal = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await fetch(url, { headers, signal: controller.signal }).then((r) => r.json());
    } finally {
      clearTimeout(timer);
    }
  };
  const openapiFetch = createClient({ baseUrl: server.url, headers });
  const viaOpenapiFetch = () => openapiFetch.GET(op.path);
  const sdk = new ApiClient(token, { baseUrl: server.url, maxRetries: 0 });
  const method = op.namespace ? sdk[op.namespace][op.name] : sdk[op.name];
  const viaSdk = () => method();
  // the same SDK with timeouts off: no AbortSignal per request
  const untimed = new ApiClient(token, { baseUrl: server.url, maxRetries: 0, timeout: 0 });
  const untimedMethod = op.namespace ? untimed[op.namespace][op.name] : untimed[op.name];
  const viaUntimedSdk = () => untimedMethod();

  const figures = { "raw fetch": [], "fetch + signal": [], "openapi-fetch": [], SDK: [], "SDK timeout: 0": [] };
  for (const call of [raw, rawWithSignal, viaOpenapiFetch, viaSdk, viaUntimedSdk]) await call(); // warm up connections and JIT
  const contenders = [["raw fetch", raw], ["fetch + signal", rawWithSignal], ["openapi-fetch", viaOpenapiFetch], ["SDK", viaSdk], ["SDK timeout: 0", viaUntimedSdk]];
  for (let round = 0; round < ROUNDS; round++) {
    // rotate the order each round so no contender always runs first (or last)
    for (let i = 0; i < contenders.length; i++) {
      const [name, call] = contenders[(round + i) % contenders.length];
      figures[name].push(await rps(call));
    }
  }
  server.stop();

  const rawRps = median(figures["raw fetch"].map((f) => f.rps));
  const rawCpu = median(figures["raw fetch"].map((f) => f.cpu));
  console.log(`\n${api}: GET ${op.path} (${op.operationId}), ${CONCURRENCY} concurrent, median of ${ROUNDS} × ${DURATION_MS} ms`);
  for (const [name, values] of Object.entries(figures)) {
    const value = median(values.map((f) => f.rps));
    const cpu = median(values.map((f) => f.cpu));
    console.log(
      `  ${name.padEnd(14)} ${value.toFixed(0).padStart(7)} req/s  ${(value / rawRps).toFixed(3)}× raw fetch` +
        `   client CPU ${cpu.toFixed(0)} µs/request (raw fetch ÷ this: ${(rawCpu / cpu).toFixed(3)})`,
    );
  }
  // the same three calls against an in-memory fetch: what each adds in CPU per call, which the
  // network figures above hide in their noise on a busy machine
  const bodyText = JSON.stringify({ ok: true });
  const memoryFetch = async () => new Response(bodyText, { headers: { "content-type": "application/json" } });
  const memSdk = new ApiClient(token, { baseUrl: server.url, maxRetries: 0, fetch: memoryFetch });
  const memMethod = op.namespace ? memSdk[op.namespace][op.name] : memSdk[op.name];
  const memOpenapiFetch = createClient({ baseUrl: server.url, headers, fetch: memoryFetch });
  const cpu = {
    "raw fetch": await microseconds(() => memoryFetch(url, { headers }).then((r) => r.json())),
    "openapi-fetch": await microseconds(() => memOpenapiFetch.GET(op.path)),
    SDK: await microseconds(() => memMethod()),
  };
  console.log(
    `  CPU per call with an in-memory fetch: ${Object.entries(cpu).map(([name, us]) => `${name} ${us.toFixed(1)} µs`).join(", ")}` +
      ` (SDK adds ${(cpu.SDK - cpu["raw fetch"]).toFixed(1)} µs)`,
  );
  const size = await bundleSize(api);
  const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
  console.log(`  bundle (import { ApiClient }): ${kB(size.entry.min)} min, ${kB(size.entry.gz)} min+gz (goal ≤ 6 kB)`);
  console.log(`    + lazy chunks (client.raw's openapi-fetch, .wait()'s poller), loaded on first use: ${kB(size.lazy.min)} min, ${kB(size.lazy.gz)} min+gz`);
}
