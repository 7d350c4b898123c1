#!/usr/bin/env node
// `pnpm bench:api-cost [--name amber-volumes] [--keep]`: what one more API adds to `pnpm test`. In a clone
// of HEAD (the repository itself is never touched) it adds the starter API with `pnpm new-api <name>`,
// builds (what is unchanged replays from this repository's turbo cache), then times what the test run
// gains: the new package's own test and typecheck tasks, and its part of the suites that read the set of
// APIs (the docs' samples and site, the gates, filtered to it; the mock's serve and start-mock files run
// whole, with and without the API). Figures only: nothing passes or fails on a threshold.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { timed } from "./timed.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
let options;
try {
  options = parseArgs({ options: { name: { type: "string", default: "amber-volumes" }, keep: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } }).values;
} catch (error) {
  console.error(`✖ ${error.message}. Run \`pnpm bench:api-cost --help\` for the options.`);
  process.exit(2);
}
if (options.help) {
  console.log("pnpm bench:api-cost [--name amber-volumes] [--keep]\n  --name   the API to add (the starter spec)\n  --keep   keep the clone (its path is printed)");
  process.exit(0);
}
const api = options.name;
const seconds = (ms) => (Number.isNaN(ms) ? "?" : `${(ms / 1000).toFixed(1)} s`);

const tmp = mkdtempSync(join(tmpdir(), "bench-api-cost-"));
const dir = join(tmp, "clone");
const pnpm = (...args) => [process.execPath, [join(repoRoot, "node_modules/pnpm/bin/pnpm.cjs"), ...args]];
// this repository's turbo cache: the clone's unchanged builds replay instead of running again
const env = { ...process.env, TURBO_CACHE_DIR: join(repoRoot, ".turbo/cache"), PATH: `${join(dir, "node_modules/.bin")}:${process.env.PATH}` };

async function step(label, command, args, cwd = dir) {
  console.error(`bench:api-cost: ${label}…`);
  const result = await timed(command, args, { cwd, env });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status})`);
  return result;
}
const vitestIn = (pkg, ...args) => [process.execPath, [join(dir, `packages/${pkg}/node_modules/vitest/vitest.mjs`), "run", ...args], join(dir, `packages/${pkg}`)];

const rows = [];
try {
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, dir], { stdio: "inherit" });
  await step("install", ...pnpm("install", "--frozen-lockfile", "--offline"));
  await step("build (not counted)", ...pnpm("build"));
  const serveFiles = ["test/serve.test.ts", "test/start-mock.test.ts"];
  const before = await step("mock-server serve + start-mock, without the API", ...vitestIn("mock-server", ...serveFiles));
  await step(`pnpm new-api ${api} (not counted)`, ...pnpm("new-api", api));
  await step("build with the API (not counted)", ...pnpm("build"));
  const turbo = join(dir, "node_modules/.bin/turbo");
  rows.push([`${api}#test`, await step(`${api}#test`, turbo, ["run", "test", `--filter=${api}`, "--only", "--force", "--output-logs=errors-only"])]);
  rows.push([`${api}#typecheck`, await step(`${api}#typecheck`, turbo, ["run", "typecheck", `--filter=${api}`, "--only", "--force", "--output-logs=errors-only"])]);
  rows.push([`docs samples + site, -t ${api}`, await step("docs suites", ...vitestIn("docs", "test/samples.test.ts", "test/site.test.ts", "-t", api))]);
  rows.push([`spec-checks gates, -t ${api}`, await step("gates", ...vitestIn("spec-checks", "test/spec-lint.test.ts", "test/security-lint.test.ts", "test/examples.test.ts", "test/portability.test.ts", "test/sdk-packages.test.ts", "-t", api))]);
  const after = await step("mock-server serve + start-mock, with the API", ...vitestIn("mock-server", ...serveFiles));
  rows.push(["mock-server serve + start-mock, growth", { wallMs: after.wallMs - before.wallMs, cpuMs: after.cpuMs - before.cpuMs }]);
  const total = rows.reduce((sum, [, r]) => ({ wallMs: sum.wallMs + r.wallMs, cpuMs: sum.cpuMs + r.cpuMs }), { wallMs: 0, cpuMs: 0 });
  rows.push(["total (one task at a time)", total]);
  const cells = [["what one more API adds", "wall", "CPU"], ...rows.map(([label, r]) => [label, seconds(r.wallMs), seconds(r.cpuMs)])];
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  console.log(`\nthe starter API "${api}" added to a clone of HEAD, on ${availableParallelism()} cores, Node ${process.version}\n`);
  console.log(cells.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("   ")).join("\n"));
} catch (error) {
  console.error(`✖ ${error.message}`);
  process.exitCode = 1;
} finally {
  if (options.keep) console.error(`bench:api-cost: kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
