// `pnpm bench`: the simulator's hosts side by side, for CloudNexus through its built SDK (run after
// `pnpm build`): requests per second through the SDK in process vs the HTTP stateful mock vs Prism's
// static mock; ready times (createMock, MSW's handlers, startMock); a 20-step create → wait → list →
// delete flow with 1 s actions on the manual clock vs real time; the browser bundles of the engine and
// simulator, without and with Prism's judge built for the browser (min and min+gzip); the installed mock
// entry and the judge beside it. Figures only: no asserts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const API = "cloudnexus";
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const dist = join(packageDir, "..", API, "dist");
if (!existsSync(join(dist, "mock.js"))) {
  console.error(`✖ ${join(dist, "mock.js")} is missing: run \`pnpm build\` first.`);
  process.exit(1);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

const importStart = performance.now();
const sdk = await import(join(dist, "index.js"));
const mockEntry = await import(join(dist, "mock.js"));
const importMs = performance.now() - importStart;

type Client = { instances: Record<string, any>; me(): Promise<unknown> };
/** Calls per second of `call` with CONCURRENCY loops for `time` ms. */
async function rps(call: () => Promise<unknown>, time: number): Promise<number> {
  let done = 0;
  const end = performance.now() + time;
  const loop = async () => {
    while (performance.now() < end) {
      await call();
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return (done * 1000) / (performance.now() - start);
}
const calls = (client: Client) => ({ "me()": () => client.me(), "instances.list()": () => client.instances.list({ page_size: 10 }) });

console.log(`simulator bench: ${API} through its built SDK, ${CONCURRENCY} concurrent call loops × ${DURATION_MS} ms, ${ROUNDS} rounds (medians)`);
console.log(`  import of ${API} + ${API}/mock: ${ms(importMs)}`);

// ready times: the first createMock() of a process loads Prism's validators; later ones reuse them
const ready: Record<string, number[]> = { "createMock() (first in process)": [], "createMock()": [], "mock.handlers + setupServer().listen()": [], "startMock() (HTTP, stateful)": [], "startMock({ mode: \"static\" }) (Prism)": [] };
{
  let began = performance.now();
  await mockEntry.createMock();
  ready["createMock() (first in process)"]!.push(performance.now() - began);
  began = performance.now();
  const { setupServer } = await import("msw/node");
  ready["import(\"msw/node\") (once)"] = [performance.now() - began];
  for (let round = 0; round < ROUNDS; round++) {
    began = performance.now();
    const mock = await mockEntry.createMock();
    ready["createMock()"]!.push(performance.now() - began);
    began = performance.now();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: "bypass" });
    ready["mock.handlers + setupServer().listen()"]!.push(performance.now() - began);
    server.close();
  }
}

const rates: Record<string, Record<string, number[]>> = { "in process": {}, "HTTP stateful": {}, "Prism static": {} };
for (let round = 0; round < ROUNDS; round++) {
  const hosts: Array<[string, () => Promise<{ client: Client; stop(): Promise<void> }>]> = [
    ["in process", async () => ({ client: (await mockEntry.createMock()).client(), stop: async () => {} })],
    [
      "HTTP stateful",
      async () => {
        const began = performance.now();
        const mock = await mockEntry.startMock();
        ready["startMock() (HTTP, stateful)"]!.push(performance.now() - began);
        return { client: mock.client(), stop: () => mock.stop() };
      },
    ],
    [
      "Prism static",
      async () => {
        const began = performance.now();
        const mock = await mockEntry.startMock({ mode: "static" });
        ready["startMock({ mode: \"static\" }) (Prism)"]!.push(performance.now() - began);
        return { client: mock.client(), stop: () => mock.stop() };
      },
    ],
  ];
  // alternate the order, so neither host always runs on a cold or a warm machine
  for (const [name, start] of round % 2 ? hosts.reverse() : hosts) {
    const { client, stop } = await start();
    try {
      for (const [label, call] of Object.entries(calls(client))) {
        await rps(call, WARMUP_MS);
        (rates[name]![label] ??= []).push(await rps(call, DURATION_MS));
      }
    } finally {
      await stop();
    }
  }
}

console.log("\n  requests per second through the SDK:");
const labels = Object.keys(rates["in process"]!);
console.log(`    ${"".padEnd(16)}${labels.map((l) => l.padStart(20)).join("")}`);
for (const [name, byCall] of Object.entries(rates)) console.log(`    ${name.padEnd(16)}${labels.map((l) => `${median(byCall[l]!).toFixed(0)} req/s`.padStart(20)).join("")}`);
for (const label of labels) {
  const ratio = median(rates["in process"]![label]!) / median(rates["HTTP stateful"]![label]!);
  console.log(`    ${label}: in process is ${ratio.toFixed(1)}× the HTTP stateful mock, ${(median(rates["in process"]![label]!) / median(rates["Prism static"]![label]!)).toFixed(1)}× Prism static`);
}

console.log("\n  ready:");
for (const [label, values] of Object.entries(ready)) console.log(`    ${label.padEnd(42)} ${ms(median(values))}`);

/** 5 rounds of create → wait → list → delete (+ its wait): 20 steps, with 1 s actions. */
async function flow(clock: "manual" | "real"): Promise<number> {
  const mock = await mockEntry.createMock({ clock, actionDuration: 1000 });
  const client: Client = mock.client();
  const began = performance.now();
  for (let round = 0; round < 5; round++) {
    const created = client.instances.create({ name: `bench-${round}`, plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" });
    const instance = await created.wait();
    await client.instances.list({ page_size: 10 });
    await client.instances.delete({ id: instance.id }).wait();
  }
  return performance.now() - began;
}
console.log("\n  a 20-step create → wait → list → delete flow, 1 s actions, in process:");
const manual: number[] = [];
for (let round = 0; round < ROUNDS; round++) manual.push(await flow("manual"));
console.log(`    manual clock ${ms(median(manual))}`);
console.log(`    real time    ${ms(await flow("real"))} (one run)`);

/** Bytes of a browser bundle of `contents` (min, min+gzip), as a page's esbuild would make it (spec and model not included). */
async function browserBytes(contents: string): Promise<string> {
  const bundle = await build({ stdin: { contents, resolveDir: packageDir, loader: "js" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false });
  const bytes = bundle.outputFiles[0]!.contents;
  return `${(bytes.length / 1024).toFixed(0)} KiB min, ${(gzipSync(bytes).length / 1024).toFixed(0)} KiB min+gzip`;
}
console.log("\n  browser bundles (spec and model not included):");
console.log(`    engine + simulator + hosts, no judge:            ${await browserBytes('export { assembleMock } from "@repo/mock-server/browser";')}`);
console.log(`    engine + simulator + hosts + Prism's judge:      ${await browserBytes('export { assembleMock, createBrowserJudge } from "@repo/mock-server/browser";')}`);
console.log(`    Prism's judge alone (dist/prism-browser.js):     ${await browserBytes('export * from "@repo/mock-server/prism-browser";')}`);

// what an installed SDK loads for its in-process mock: the entry, and Prism's judge beside it (no Prism install)
const fileBytes = (file: string) => {
  const bytes = readFileSync(join(dist, file));
  return `${(bytes.length / 1024).toFixed(0)} KiB, ${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzip`;
};
console.log(`\n  ${API}/mock as installed: dist/mock.js ${fileBytes("mock.js")}; Prism's judge beside it, dist/prism.js ${fileBytes("prism.js")} (and .cjs for require)`);
void sdk;
