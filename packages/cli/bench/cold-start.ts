// `pnpm bench` (figures, not a test): how long each SDK's built CLI takes to start, against a bare Node
// start measured in the same rounds: `<api> --help`, and a plain call (the login operation, else the first
// GET without required inputs) answered at once by a local server, also against a bare Node process that
// makes one fetch of it (Node's fetch alone is ~3× a bare start). Goal: each ≤ 1.5× `node -e 0`.
// Also the bytes the bin loads before it runs a command (its static imports), and that none of them is the
// mock server's or the MCP server's code.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiModel } from "@repo/model";
import { listApis } from "@repo/model/build";

const packagesDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Wall milliseconds of one run of `node args…` (output discarded). */
function once(args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
    child.once("error", reject);
    child.once("exit", () => resolve(performance.now() - start));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The files a module loads statically (its `import … from "./x.js"` chains), with their sizes. */
function staticGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, "utf8");
  for (const [, spec] of text.matchAll(/^import\s+(?:[^'"]*?from\s+)?["'](\.\/[^"']+)["']/gm)) staticGraph(join(dirname(entry), spec!), seen);
  return seen;
}

/** The source files bundled into `file`, from its source map. */
const sourcesOf = (file: string): string[] => (existsSync(`${file}.map`) ? (JSON.parse(readFileSync(`${file}.map`, "utf8")).sources as string[]) : []);

for (const api of listApis()) {
  const dir = join(packagesDir, api);
  const bin = join(dir, "bin", `${api}.js`);
  if (!existsSync(join(dir, "dist", "cli.js"))) {
    console.log(`${api}: not built (pnpm build), skipped`);
    continue;
  }
  const model = JSON.parse(readFileSync(join(dir, "generated", "model.json"), "utf8")) as ApiModel;
  const plain = model.operations.find((op) => op.operationId === model.login) ??
    model.operations.find((op) => op.method === "GET" && !op.requestBody && op.parameters.every((p) => !p.required));
  if (!plain) {
    console.log(`${api}: no GET without required inputs to time as a plain call, skipped`);
    continue;
  }
  const call = [bin, plain.operationId.replaceAll(".", "/"), "--base-url", baseUrl, "--token", "bench-token", "--no-retry"];
  const rows = { bare: [] as number[], fetch: [] as number[], help: [] as number[], call: [] as number[] };
  // Node's own first fetch (undici loading, the connection) is most of a call's cost: the call is also shown against it
  const oneFetch = ["--input-type=module", "-e", `await (await fetch(${JSON.stringify(`${baseUrl}/`)})).text();`];
  await once(["-e", "0"]);
  await once([bin, "--help"]);
  for (let i = 0; i < RUNS; i++) {
    rows.bare.push(await once(["-e", "0"]));
    rows.fetch.push(await once(oneFetch));
    rows.help.push(await once([bin, "--help"]));
    rows.call.push(await once(call));
  }
  const bare = median(rows.bare);
  const loaded = [...staticGraph(join(dir, "dist", "cli.js"))];
  const bytes = loaded.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const servers = loaded.flatMap(sourcesOf).filter((source) => /packages\/(mock-server|mcp|mock-engine)\/|@stoplight|@modelcontextprotocol/.test(source));
  console.log(`${api}: node -e 0 ${bare.toFixed(0)} ms`);
  console.log(`  ${api} --help             ${median(rows.help).toFixed(0)} ms  ${(median(rows.help) / bare).toFixed(2)}× bare node (goal ≤ 1.5×)`);
  console.log(`  ${api} ${plain.operationId.replaceAll(".", "/").padEnd(16)} ${median(rows.call).toFixed(0)} ms  ${(median(rows.call) / bare).toFixed(2)}× bare node, ${(median(rows.call) / median(rows.fetch)).toFixed(2)}× a bare node process doing one fetch of the same server (${median(rows.fetch).toFixed(0)} ms)`);
  console.log(`  loaded before a command runs: ${loaded.length} files, ${(bytes / 1024).toFixed(0)} KB; mock/MCP server code among them: ${servers.length ? servers.join(", ") : "none"}`);
}
server.close();
