// Gate 1 — spec lint: `redocly lint` with the repository's redocly.yaml (recommended-strict + the
// project plugin in redocly-plugins/). Every problem counts, warnings included.
import { spawnSync } from "node:child_process";
import { isAbsolute, join, resolve } from "node:path";
import { binPath, quietRedocly } from "@repo/model/build";
import type { Finding } from "./findings.js";
import { fromRoot, repoRoot } from "./repo.js";

interface RedoclyProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { source: { ref: string }; pointer?: string; start?: { line: number; col: number } }[];
}

/** Lints one spec (a source openapi.yaml or a bundle) and returns every problem Redocly reports. */
export function redoclyLint(specPath: string, configPath = join(repoRoot, "redocly.yaml")): Finding[] {
  const result = spawnSync(
    process.execPath,
    [binPath("@redocly/cli", "redocly"), "lint", specPath, "--config", configPath, "--format", "json", "--max-problems", "1000"],
    { cwd: repoRoot, env: quietRedocly, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  let report: { problems: RedoclyProblem[] };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`redocly lint ${fromRoot(specPath)} printed no report (exit ${result.status}):\n${result.stderr}`);
  }
  return report.problems.map((problem) => {
    const location = problem.location[0];
    const file = location ? fromRoot(isAbsolute(location.source.ref) ? location.source.ref : resolve(repoRoot, location.source.ref)) : fromRoot(specPath);
    const line = location?.start ? `:${location.start.line}` : "";
    const pointer = location?.pointer ? ` ${location.pointer}` : "";
    return { where: `${file}${line}${pointer}`, rule: problem.ruleId, message: `${problem.severity}: ${problem.message}` };
  });
}
