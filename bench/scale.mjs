#!/usr/bin/env node
// `pnpm bench:scale [--sizes 12,60,300] [--runs 5] [--keep] [--no-browser]`: how the pipeline's costs
// grow with the size of a spec. For each size it makes a conventional spec of that many operations
// (conventional-spec.mjs: passes every lint rule of redocly.yaml), adds it as a new API to a throw-away
// clone of this repository's HEAD (`pnpm install --offline`, then `node scripts/new-api.mjs <name>
// --from <spec>`, the one-command path; the repository itself is never touched) and prints what a user of that API waits for or downloads: generate, build, SDK entry size, CLI
// start, tsc on a consumer, Prism start (static and stateful), docs build, docs page size and first
// render in Chromium. At the end: every figure per size and its slope per operation (least squares).
// A real spec of corpus/ (`--real`) is measured the same way, then its package's own suites run in the
// clone (per file: tests passed and failed, wall time, the failures named) and a create→get of each of
// its resources goes through its SDK against its own stateful mock (create-probe.mjs); `--no-suites` skips both.
// Figures only: nothing here passes or fails on a threshold, and `pnpm test` does not run it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { pnpm } from "@repo/model/build";
import { clientBundleSize } from "../packages/client/bench/client-size.mjs";
import { conventionalSpec } from "./conventional-spec.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");

/** Bad input: one line and exit 2, no stack trace. */
function usageError(message) {
  console.error(`✖ ${message}\nRun \`pnpm bench:scale --help\` for the options.`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      sizes: { type: "string", default: "12,60,300" },
      runs: { type: "string", default: "5" },
      keep: { type: "boolean", default: false },
      "no-browser": { type: "boolean", default: false },
      "no-suites": { type: "boolean", default: false },
      real: { type: "string", default: "digitalocean" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (error) {
  usageError(error.message);
}
const { values: args } = parsed;
if (args.help) {
  console.log(`pnpm bench:scale [--sizes 12,60,300] [--runs 5] [--keep] [--no-browser] [--no-suites] [--real digitalocean]
  --sizes     operations of each generated spec (each ≥ 5: one full resource)
  --real      real specs of corpus/ to measure the same way after the sizes, each against the
              sizes' fit (default digitalocean; "" for none)
  --runs      runs of \`<bin> --help\` (the median is printed)
  --keep      keep the temporary clone (its path is printed)
  --no-browser  skip the docs first render in Chromium
  --no-suites   skip a real spec's package suites (its \`test/*.test.ts\`, per file: passed, failed,
              wall time) and its create→get of every resource against its own stateful mock`);
  process.exit(0);
}
const sizes = args.sizes.split(",").map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 5)) usageError(`--sizes must be integers ≥ 5, got ${args.sizes}`);
const realSpecs = args.real.split(",").map((s) => s.trim()).filter(Boolean);
for (const name of realSpecs) if (!existsSync(join(repoRoot, "corpus", name, "openapi.yaml"))) usageError(`--real ${name}: there is no corpus/${name}/openapi.yaml`);
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) usageError(`--runs must be a positive integer, got ${args.runs}`);

// ---- small helpers ----

const quiet = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1", FORCE_COLOR: "0" };

/**
 * Runs a command to completion; returns its wall time and the CPU time (user + system) of it and its
 * children in ms — the CPU figure is the steadier one on a busy machine (sh's `times` reports it).
 * Throws with the command's output on failure unless allowFail.
 */
function run(command, commandArgs, { cwd, allowFail = false, timeout = 20 * 60_000 } = {}) {
  const started = performance.now();
  const result = spawnSync("/bin/sh", ["-c", '"$@"; status=$?; times >&2; exit $status', "sh", command, ...commandArgs], {
    cwd, env: quiet, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout, killSignal: "SIGKILL",
  });
  const ms = performance.now() - started;
  const times = result.stderr.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/);
  const cpu = times ? (Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4])) * 1000 : NaN;
  const stderr = times ? result.stderr.slice(0, times.index).replace(/.*\n?$/, "") : result.stderr;
  if (result.status !== 0 && !allowFail) {
    throw new Error(`${command} ${commandArgs.join(" ")} (in ${cwd}) failed with ${result.status ?? result.signal}:\n${`${result.stdout}\n${stderr}`.trim().slice(-4000)}`);
  }
  return { ms, cpu, status: result.status, output: `${result.stdout}\n${stderr}` };
}
const node = (script, scriptArgs, options) => run(process.execPath, [script, ...scriptArgs], options);
/** A TypeScript entry point of the repository (the build scripts and packages are TypeScript run by tsx). */
const tsNode = (script, scriptArgs, options) => run(process.execPath, ["--import", "tsx", script, ...scriptArgs], options);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (line) => process.stderr.write(`${line}\n`);

// ---- the workspace: a clone of HEAD with its dependencies, outside the repository ----

const tmp = mkdtempSync(join(tmpdir(), "bench-scale-"));
const clone = join(tmp, "repo");
let stopping = false;
const cleanup = () => {
  if (stopping) return;
  stopping = true;
  if (args.keep) log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

function setUpClone() {
  const head = run("git", ["rev-parse", "HEAD"], { cwd: repoRoot }).output.trim();
  if (run("git", ["status", "--porcelain"], { cwd: repoRoot }).output.trim()) log("note: uncommitted changes are not benchmarked (the clone is of HEAD)");
  run("git", ["clone", "--quiet", "--no-checkout", repoRoot, clone], { cwd: tmp });
  run("git", ["checkout", "--quiet", head], { cwd: clone });
  const install = run(...pnpm("install", "--offline", "--frozen-lockfile"), { cwd: clone });
  // Prism's parts built for Node and for pages (mock-server's build): the docs' Try it and every SDK's mock bundle them
  const mockServer = join(clone, "packages/mock-server");
  node(join(mockServer, "build-prism.mjs"), [], { cwd: mockServer });
  // the docs of the existing APIs, so one-API docs builds (`build.ts <out> <api>`) find them for the landing page
  const docs = tsNode("packages/docs/src/build.ts", [join(tmp, "docs")], { cwd: clone });
  // one SDK build before the timed ones, so the first size does not pay for a cold file cache alone
  const cloudnode = join(clone, "packages/cloudnode");
  tsNode("scripts/generate-sdk.mjs", ["cloudnode"], { cwd: clone });
  const warmUp = node(join(cloudnode, "node_modules/tsup/dist/cli-default.js"), [], { cwd: cloudnode });
  return { head: head.slice(0, 7), install: install.ms, docs: docs.ms, warmUp: warmUp.ms };
}

/** Adds the API the one-command way: `pnpm new-api <name> --from <spec>` (scaffold, redocly.yaml, install). */
function addApi(name, specFile) {
  const result = tsNode("scripts/new-api.mjs", [name, "--from", specFile], { cwd: clone });
  // new-api lints the imported spec: a conventional spec has no problem to report
  if (/reports problems/.test(result.output)) log(`  ! new-api: the generated spec is not clean:\n${result.output.trim()}`);
  return result;
}

// ---- measurements ----

/** What a browser app that imports ApiClient ships (the same count as `pnpm bench`), with the clone's esbuild. */
async function bundleSize(api) {
  const { build } = createRequire(join(clone, "packages/client/package.json"))("esbuild");
  const { entry, lazy } = await clientBundleSize({ build, packageDir: join(clone, "packages", api), api, workDir: tmp });
  return { entryMin: entry.min, entryGz: entry.gz, lazyGz: lazy.gz };
}

/** A strict TypeScript consumer of the SDK: a few calls of the first resource, type-checked with tsc. */
function typecheckConsumer(api, namespace, plural) {
  return typecheck(api, `import { ApiClient, NotFoundError } from "${api}";

const client = new ApiClient("sk_test_123");
const page = await client.${namespace}.list({ page_size: 10 });
const total: number = page.meta.total;
const created = await client.${namespace}.create({ name: "first", size: 10 });
const fetched = await client.${namespace}.get({ id: created.id });
const renamed: string = (await client.${namespace}.update({ id: fetched.id, name: "renamed" })).name;
for await (const item of client.${namespace}.list.all({ page_size: 50 })) console.log(item.id, item.status);
const { data, response } = await client.${namespace}.get({ id: page.${plural}[0]?.id ?? created.id }).withResponse();
console.log(total, renamed, data.created_at, response.status);
await client.${namespace}.delete({ id: created.id }).catch((error: unknown) => {
  if (error instanceof NotFoundError) console.error(error.status, error.requestId);
});
`);
}

/** A consumer of a real spec's SDK: one parameterless read, its result type used. */
const typecheckRealConsumer = (api, operationId) => {
  const [group, method] = operationId.split(".");
  return typecheck(api, `import { ApiClient, type operations } from "${api}";

const client = new ApiClient("sk_test_123");
const answer = await client.${group}.${method}();
const same: Awaited<ReturnType<typeof client.${group}.${method}>> = answer;
type Declared = operations[${JSON.stringify(operationId)}];
console.log(same, {} as Declared);
`);
};

/** Type-checks `source` as consumer.ts of the SDK `api` with tsc, with and without skipLibCheck. */
function typecheck(api, source) {
  const dir = join(tmp, `consumer-${api}`);
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(join(clone, "packages", api), join(dir, "node_modules", api), "dir");
  writeFileSync(join(dir, "consumer.ts"), source);
  const compilerOptions = {
    target: "ES2022", lib: ["ES2023", "DOM", "DOM.Iterable"], module: "NodeNext", moduleResolution: "NodeNext",
    strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noEmit: true, types: [],
  };
  writeFileSync(join(dir, "package.json"), `{ "type": "module", "private": true }\n`);
  const tsc = join(clone, "node_modules/typescript/bin/tsc");
  const figures = {};
  for (const skipLibCheck of [true, false]) {
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, skipLibCheck }, files: ["consumer.ts"] }));
    const result = node(tsc, ["-p", dir], { cwd: dir, allowFail: true });
    if (result.status !== 0) log(`  ! tsc on the consumer of ${api} (skipLibCheck ${skipLibCheck}) failed:\n${result.output.trim().slice(0, 2000)}`);
    figures[skipLibCheck ? "skip" : "full"] = result.status === 0 ? result : { ms: NaN, cpu: NaN };
  }
  return figures;
}

/**
 * A real spec's package suites, as its `pnpm test` runs them (vitest, with a JSON report): per test file,
 * the tests passed and failed and its wall time, and the failures named. Figures only: a failure is printed.
 */
function packageSuites(api) {
  const pkg = join(clone, "packages", api);
  const report = join(tmp, `suites-${api}.json`);
  const vitest = join(pkg, "node_modules/vitest/vitest.mjs");
  const result = node(vitest, ["run", "--reporter=json", `--outputFile=${report}`], { cwd: pkg, allowFail: true, timeout: 60 * 60_000 });
  if (!existsSync(report)) {
    log(`  ! ${api}'s suites wrote no report (exit ${result.status}):\n${result.output.trim().slice(-2000)}`);
    return { ms: result.ms, files: [] };
  }
  const json = JSON.parse(readFileSync(report, "utf8"));
  const files = json.testResults.map((file) => {
    const tests = file.assertionResults ?? [];
    return {
      file: file.name.slice(pkg.length + 1),
      passed: tests.filter((t) => t.status === "passed").length,
      failed: tests.filter((t) => t.status === "failed").length,
      ms: (file.endTime ?? 0) - (file.startTime ?? 0),
      // a file that failed outside its tests (a hook, an import) says so in its message
      failures: [...tests.filter((t) => t.status === "failed").map((t) => `${t.title}: ${String(t.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 200)}`), ...(file.status === "failed" && !tests.some((t) => t.status === "failed") ? [String(file.message ?? "failed").split("\n")[0].slice(0, 200)] : [])],
    };
  });
  return { ms: result.ms, files };
}

/** The create→get of every resource of a built API through its SDK against its own stateful mock. */
function createThenGet(api) {
  const pkg = join(clone, "packages", api);
  const result = node(join(here, "create-probe.mjs"), [join(pkg, "dist/mock.js"), join(pkg, "generated/model.json")], { cwd: clone, allowFail: true });
  const line = result.output.trim().split("\n").find((l) => l.startsWith("{"));
  if (!line) log(`  ! the create→get probe of ${api} failed:\n${result.output.trim().slice(-2000)}`);
  return line ? JSON.parse(line) : null;
}

function mockStart(api, mode, namespace) {
  const result = node(join(here, "mock-probe.mjs"), [join(clone, "packages", api, "dist/mock.js"), mode, namespace], { cwd: clone });
  return JSON.parse(result.output.trim().split("\n").find((line) => line.startsWith("{")));
}

/** Serves a folder on 127.0.0.1 and a free port (a tiny static server: the docs are files). */
async function serveDir(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".json": "application/json", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = join(dir, path);
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

let browser;
/**
 * Opens `path` of the docs site in Chromium and returns the ms from navigation until `selector` is
 * visible (and, with `sample`, until the curl sample in it has text). Chromium is launched once.
 */
async function timeToVisible(site, path, selector, { sample = false } = {}) {
  if (!browser) {
    // the tests' Chromium (packages/testkit/src/browser.ts, TypeScript: loaded through tsx)
    const { tsImport } = await import("tsx/esm/api");
    const { launchChromium } = await tsImport("../packages/testkit/src/browser.ts", import.meta.url);
    browser = await launchChromium();
  }
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const started = performance.now();
    await page.goto(`${site.url}/${path}`, { waitUntil: "commit", timeout: 120_000 });
    const section = page.locator(selector).first();
    await section.waitFor({ state: "visible", timeout: 120_000 });
    if (sample) {
      const code = section.locator('[data-component-name="CodeBlock/CodeBlock"]', { hasText: "curl" }).first();
      await code.waitFor({ state: "visible", timeout: 120_000 });
    }
    return performance.now() - started;
  } finally {
    await page.close();
  }
}

// ---- the run ----

const FIGURES = [
  // key, label, unit (ms | B); "… its CPU time": user + system of the step's processes, steadier than wall time on a shared machine
  ["add", "add the API (new-api: scaffold, lint, install)", "ms"],
  ["addCpu", "  … its CPU time", "ms"],
  ["generate", "generate (lint, bundle, types, model)", "ms"],
  ["generateCpu", "  … its CPU time", "ms"],
  ["build", "build (tsup: ESM, CJS, d.ts, CLI, mock)", "ms"],
  ["buildCpu", "  … its CPU time", "ms"],
  ["entryMin", "SDK entry, min", "B"],
  ["entryGz", "SDK entry, min+gz", "B"],
  ["lazyGz", "SDK lazy chunks, min+gz", "B"],
  ["dts", "SDK types (dist/index.d.ts)", "B"],
  ["cliBundle", "CLI bundle (dist/cli.js)", "B"],
  ["cliHelp", "CLI `--help` (median)", "ms"],
  ["cliHelpCpu", "  … its CPU time", "ms"],
  ["tscSkip", "tsc on a consumer (skipLibCheck)", "ms"],
  ["tscSkipCpu", "  … its CPU time", "ms"],
  ["tscFull", "tsc on a consumer (no skipLibCheck)", "ms"],
  ["tscFullCpu", "  … its CPU time", "ms"],
  ["prismStatic", "Prism start, static (to first answer)", "ms"],
  ["prismStaticCpu", "  … its CPU time", "ms"],
  ["prismStateful", "stateful mock start (to first answer)", "ms"],
  ["prismStatefulCpu", "  … its CPU time", "ms"],
  ["docsBuild", "docs build (one API)", "ms"],
  ["docsBuildCpu", "  … its CPU time", "ms"],
  ["docsPage", "docs page (index.html)", "B"],
  ["docsFirstPaint", "docs first content (1st tag section shown)", "ms"],
  ["docsRender", "docs first operation (deep link, + curl sample)", "ms"],
];

const fmt = (value, unit) => {
  if (value === undefined || Number.isNaN(value)) return "-";
  if (unit === "ms") return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MB`;
  return value >= 1024 ? `${(value / 1024).toFixed(1)} kB` : `${value} B`;
};
const fmtSlope = (slope, unit) => {
  if (Number.isNaN(slope)) return "-";
  const sign = slope >= 0 ? "+" : "−";
  const v = Math.abs(slope);
  if (unit === "ms") return `${sign}${v >= 10 ? v.toFixed(0) : v.toFixed(1)} ms/op`;
  return v >= 1024 ? `${sign}${(v / 1024).toFixed(1)} kB/op` : `${sign}${v.toFixed(v >= 10 ? 0 : 1)} B/op`;
};
/** Least-squares slope of y over x (NaN with fewer than two points). */
/** The built model of an API of the clone. */
const builtModel = (api) => JSON.parse(readFileSync(join(clone, "packages", api, "generated/model.json"), "utf8"));

/** The first GET without required inputs of a built API (its namespace.method), for the probes. */
function firstRead(api) {
  const op = builtModel(api).operations.find((o) => o.method === "GET" && o.namespace && !o.parameters.some((p) => p.required));
  if (!op) throw new Error(`${api} has no GET without required parameters to probe`);
  return op;
}

/** The least-squares line through (xs, ys) evaluated at x. */
function predict(xs, ys, x) {
  const b = slope(xs, ys);
  const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return mean(ys) + b * (x - mean(xs));
}

function slope(xs, ys) {
  const points = xs.map((x, i) => [x, ys[i]]).filter(([, y]) => Number.isFinite(y));
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? NaN : sxy / sxx;
}
const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  ")).join("\n");
};

const results = [];
let site;
try {
  const started = performance.now();
  const setup = setUpClone();
  console.log(`scale benchmark: a clone of HEAD ${setup.head} in ${tmp}; install ${fmt(setup.install, "ms")}, docs of the existing APIs ${fmt(setup.docs, "ms")}, warm-up build of cloudnode ${fmt(setup.warmUp, "ms")}`);
  site = args["no-browser"] ? undefined : await serveDir(join(tmp, "docs"));
  const specs = join(tmp, "specs");
  mkdirSync(specs);
  /** Every figure of one API added to the clone from `specFile`. */
  async function measure({ api, specFile, consumer, probe, anchors }) {
    const f = {};
    const timed = (key, result) => {
      f[key] = result.ms;
      f[`${key}Cpu`] = result.cpu;
    };
    timed("add", addApi(api, specFile));
    log(`  added ${fmt(f.add, "ms")}`);
    timed("generate", tsNode("scripts/generate-sdk.mjs", [api], { cwd: clone }));
    log(`  generated ${fmt(f.generate, "ms")}`);
    const pkg = join(clone, "packages", api);
    timed("build", node(join(pkg, "node_modules/tsup/dist/cli-default.js"), [], { cwd: pkg }));
    log(`  built ${fmt(f.build, "ms")}`);
    Object.assign(f, await bundleSize(api));
    f.dts = statSync(join(pkg, "dist/index.d.ts")).size;
    f.cliBundle = statSync(join(pkg, "dist/cli.js")).size;
    const bin = join(pkg, "bin", `${api}.js`);
    node(bin, ["--help"], { cwd: tmp }); // warm the file cache
    const helps = Array.from({ length: runs }, () => node(bin, ["--help"], { cwd: tmp }));
    f.cliHelp = median(helps.map((h) => h.ms));
    f.cliHelpCpu = median(helps.map((h) => h.cpu));
    log(`  CLI --help ${fmt(f.cliHelp, "ms")}`);
    const tsc = consumer();
    timed("tscSkip", tsc.skip);
    timed("tscFull", tsc.full);
    log(`  tsc ${fmt(f.tscSkip, "ms")} / ${fmt(f.tscFull, "ms")}`);
    // a real spec's probe is known once its model is built
    const probeName = typeof probe === "function" ? probe() : probe;
    timed("prismStatic", mockStart(api, "static", probeName));
    timed("prismStateful", mockStart(api, "stateful", probeName));
    log(`  mocks ${fmt(f.prismStatic, "ms")} / ${fmt(f.prismStateful, "ms")}`);
    timed("docsBuild", tsNode("packages/docs/src/build.ts", [join(tmp, "docs"), api], { cwd: clone }));
    f.docsPage = statSync(join(tmp, "docs", api, "index.html")).size;
    if (site && anchors) {
      f.docsFirstPaint = await timeToVisible(site, `${api}/index.html`, `[id="${anchors.tag}"]`);
      f.docsRender = await timeToVisible(site, `${api}/index.html#/${anchors.operation}`, `[id="${anchors.operation}"]`, { sample: true });
    }
    log(`  docs ${fmt(f.docsBuild, "ms")}, ${fmt(f.docsPage, "B")}, first content ${fmt(f.docsFirstPaint, "ms")}, first operation ${fmt(f.docsRender, "ms")}`);
    return f;
  }

  for (const operations of sizes) {
    const api = `scale${operations}`;
    const doc = conventionalSpec(operations, { title: `Scale ${operations} API` });
    const specFile = join(specs, `${api}.yaml`);
    writeFileSync(specFile, stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 }));
    const firstOp = doc.paths[Object.keys(doc.paths)[0]].get.operationId; // `<namespace>.list` of the first resource
    const namespace = firstOp.split(".")[0];
    const plural = Object.keys(doc.paths)[0].slice(1);
    log(`\n${api}: ${operations} operations, ${Object.keys(doc.paths).length} paths, spec ${fmt(statSync(specFile).size, "B")}`);
    // Redoc 3 renders lazily: the page opens on the overview and the tag sections; an operation's
    // section exists once it is navigated to (its anchor: `<tag slug>/<operationId in lower case>`).
    const tagSlug = doc.tags[0].name.toLowerCase();
    const f = await measure({
      api,
      specFile,
      consumer: () => typecheckConsumer(api, namespace, plural),
      probe: namespace,
      anchors: { tag: tagSlug, operation: `${tagSlug}/${firstOp.toLowerCase()}` },
    });
    results.push({ operations, f });
    console.log(`\n${api}: ${operations} operations (${Object.keys(doc.paths).length} paths, spec ${fmt(statSync(specFile).size, "B")})`);
    console.log(table([["figure", "value"], ...FIGURES.map(([key, label, unit]) => [label, fmt(f[key], unit)])]));
  }
  const xs = results.map((r) => r.operations);
  console.log(`\nAll sizes, and the slope per operation (least squares over ${xs.join(", ")} operations):`);
  console.log(
    table([
      ["figure", ...xs.map((x) => `${x} ops`), "slope"],
      ...FIGURES.map(([key, label, unit]) => [label, ...results.map((r) => fmt(r.f[key], unit)), fmtSlope(slope(xs, results.map((r) => r.f[key])), unit)]),
    ]),
  );
  for (const name of realSpecs) {
    const specFile = join(repoRoot, "corpus", name, "openapi.yaml");
    log(`\n${name} (corpus/${name}): spec ${fmt(statSync(specFile).size, "B")}`);
    const f = await measure({
      api: name,
      specFile,
      // the first parameterless read the build kept: what a user calls first
      consumer: () => typecheckRealConsumer(name, firstRead(name).operationId),
      probe: () => firstRead(name).operationId,
      anchors: null,
    });
    const model = builtModel(name);
    const operations = model.operations.length;
    console.log(`\n${name}: ${operations} operations built (${model.omitted.length} left out: ${model.omitted.map((o) => `${o.method} ${o.path}`).join(", ") || "none"}), against the conventional specs' fit at ${operations} operations:`);
    console.log(
      table([
        ["figure", "measured", "fit", "measured / fit"],
        ...FIGURES.map(([key, label, unit]) => {
          const fit = predict(xs, results.map((r) => r.f[key]), operations);
          return [label, fmt(f[key], unit), fmt(fit, unit), Number.isFinite(f[key] / fit) ? `${(f[key] / fit).toFixed(2)}×` : "—"];
        }),
      ]),
    );
    if (args["no-suites"]) continue;
    log(`  ${name}'s package suites…`);
    const suites = packageSuites(name);
    const totals = suites.files.reduce((sum, file) => ({ passed: sum.passed + file.passed, failed: sum.failed + file.failed }), { passed: 0, failed: 0 });
    console.log(`\n${name}'s package suites (vitest in packages/${name}, ${fmt(suites.ms, "ms")} in all): ${totals.passed} passed, ${totals.failed} failed`);
    console.log(table([["file", "passed", "failed", "wall time"], ...suites.files.map((file) => [file.file, file.passed, file.failed, fmt(file.ms, "ms")])]));
    for (const file of suites.files.filter((f) => f.failures.length)) {
      console.log(`  ✖ ${file.file}:`);
      for (const failure of file.failures.slice(0, 30)) console.log(`      ${failure}`);
      if (file.failures.length > 30) console.log(`      … and ${file.failures.length - 30} more`);
    }
    const probe = createThenGet(name);
    if (probe) {
      console.log(`\n${name}: create→get through the SDK against its own stateful mock: ${probe.readBack} of ${probe.resources} resources read back, ${probe.invalid.length} answers Prism found invalid (${fmt(probe.ms, "ms")})`);
      for (const failure of probe.failures) console.log(`  ✖ ${failure.resource} (${failure.step}): ${failure.what}`);
      for (const invalid of probe.invalid) console.log(`  ✖ invalid answer: ${invalid}`);
    }
  }
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
} finally {
  await browser?.close();
  await site?.close();
  cleanup();
}
