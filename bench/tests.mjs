#!/usr/bin/env node
// `pnpm bench:tests [--top 15]`: what the test run costs. After a build, runs the tasks of `pnpm test`,
// none from the cache and no build again (`turbo run test typecheck --only --force --concurrency=2
// --continue`), and prints each task's wall and CPU time (user + system of its whole process tree), the
// total, and the slowest test files (from the JSON report each vitest task writes). Figures only:
// nothing passes or fails on a threshold; the exit code is the test run's.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { binPath } from "@repo/model/build";
import { timed } from "./timed.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");

let options;
try {
  options = parseArgs({ options: { top: { type: "string", default: "15" }, help: { type: "boolean", short: "h", default: false } } }).values;
} catch (error) {
  console.error(`✖ ${error.message}. Run \`pnpm bench:tests --help\` for the options.`);
  process.exit(2);
}
if (options.help) {
  console.log("pnpm bench:tests [--top 15]\n  --top   how many of the slowest test files to list");
  process.exit(0);
}
const top = Number(options.top);
if (!Number.isInteger(top) || top < 0) {
  console.error(`✖ --top must be a whole number ≥ 0, got ${options.top}.`);
  process.exit(2);
}

const seconds = (ms) => (Number.isNaN(ms) ? "?" : `${(ms / 1000).toFixed(1)} s`);
const table = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("   ")).join("\n");
};

const out = mkdtempSync(join(tmpdir(), "bench-tests-"));
try {
  const turbo = [process.execPath, binPath("turbo", "turbo")];
  // turbo runs every task with the pnpm it finds on the PATH: the workspace's, and while timing, the shim
  const path = `${join(repoRoot, "node_modules/.bin")}:${process.env.PATH}`;
  const shimDir = join(out, "bin");
  mkdirSync(shimDir);
  const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;
  writeFileSync(join(shimDir, "pnpm"), `#!/bin/sh\nexec ${quote(process.execPath)} --import tsx ${quote(join(here, "task-shim.mjs"))} ${quote(out)} "$@"\n`);
  chmodSync(join(shimDir, "pnpm"), 0o755);

  console.error("pnpm bench:tests: building first (not counted)…");
  const build = await timed(turbo[0], [turbo[1], "run", "build", "--output-logs=errors-only"], { cwd: repoRoot, env: { ...process.env, PATH: path } });
  if (build.status !== 0) throw new Error(`the build failed (exit ${build.status}); the tests were not timed.`);

  // --only: --force would also rerun the builds the tests depend on (just made above)
  const command = ["run", "test", "typecheck", "--only", "--force", "--concurrency=2", "--continue", "--output-logs=errors-only"];
  console.error(`pnpm bench:tests: turbo ${command.join(" ")}…`);
  const total = await timed(turbo[0], [turbo[1], ...command], { cwd: repoRoot, env: { ...process.env, PATH: `${shimDir}:${path}` } });

  const tasks = readdirSync(out)
    .filter((file) => file.endsWith(".task.json"))
    .map((file) => JSON.parse(readFileSync(join(out, file), "utf8")))
    .sort((a, b) => b.wallMs - a.wallMs);
  const files = tasks
    .filter((task) => task.vitestReport)
    .flatMap((task) => {
      try {
        const report = JSON.parse(readFileSync(task.vitestReport, "utf8"));
        return report.testResults.map((file) => ({ file: relative(repoRoot, file.name), ms: file.endTime - file.startTime, tests: file.assertionResults.length }));
      } catch {
        return []; // that run wrote no report (it failed before the end): its task row says so
      }
    })
    .sort((a, b) => b.ms - a.ms);

  console.log(`\nturbo ${command.join(" ")}, on ${availableParallelism()} cores, Node ${process.version}\n`);
  console.log(
    table([
      ["task", "wall", "CPU", ""],
      ...tasks.map((task) => [task.task, seconds(task.wallMs), seconds(task.cpuMs), task.status === 0 ? "" : `FAILED (exit ${task.status})`]),
      ["total (turbo run, wall; CPU of every process)", seconds(total.wallMs), seconds(total.cpuMs), total.status === 0 ? "" : `FAILED (exit ${total.status})`],
    ]),
  );
  if (top > 0) {
    console.log(`\nslowest test files (of ${files.length}; wall from vitest's report)\n`);
    console.log(table([["file", "wall", "tests"], ...files.slice(0, top).map((file) => [file.file, seconds(file.ms), file.tests])]));
  }
  process.exitCode = total.status;
} catch (error) {
  console.error(`✖ ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
