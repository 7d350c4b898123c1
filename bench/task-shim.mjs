// Stands in for pnpm while `pnpm bench:tests` runs turbo (turbo runs each task as `pnpm run <task>` in
// the package's folder): runs the pinned pnpm, times the task, and has a vitest `test` task also write
// its JSON report. Usage (from the shim bench/tests.mjs writes): node --import tsx task-shim.mjs <outDir> <pnpm args…>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pnpm } from "@repo/model/build";
import { timed } from "./timed.mjs";

const [outDir, ...args] = process.argv.slice(2);
const [, task] = args;
const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const slug = `${manifest.name}#${task}`.replace(/[^\w#.-]+/g, "_");
const vitestReport = join(outDir, `${slug}.vitest.json`);
const isVitest = args[0] === "run" && /^vitest( |$)/.test(manifest.scripts?.[task] ?? "");
const extra = isVitest ? ["--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`] : [];

const result = await timed(...pnpm(...args, ...extra));
if (args[0] === "run") {
  writeFileSync(join(outDir, `${slug}.task.json`), JSON.stringify({ task: `${manifest.name}#${task}`, ...result, vitestReport: isVitest ? vitestReport : null }));
}
process.exit(result.status);
