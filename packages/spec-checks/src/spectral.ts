// Gate 2 — security lint: Spectral with spectral:oas + the OWASP API Security ruleset (.spectral.yaml)
// over a bundled spec. Errors fail the gate; the ruleset file says which rules are off and why.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Finding } from "./findings.js";
import { fromRoot, repoRoot } from "./repo.js";

const require = createRequire(import.meta.url);
const spectralBin = join(require.resolve("@stoplight/spectral-cli/package.json"), "..", "dist", "index.js");

interface SpectralResult {
  code: string | number;
  message: string;
  severity: number; // 0 error, 1 warn, 2 info, 3 hint
  source?: string;
  path: (string | number)[];
  range: { start: { line: number } };
}

export interface SpectralReport {
  errors: Finding[];
  warnings: Finding[];
}

/** Runs Spectral on one bundled spec (JSON or YAML file) with the repository's ruleset. */
export function spectralLint(bundlePath: string, rulesetPath = join(repoRoot, ".spectral.yaml")): SpectralReport {
  const result = spawnSync(
    process.execPath,
    [spectralBin, "lint", bundlePath, "--ruleset", rulesetPath, "--format", "json", "--quiet", "--fail-severity", "error"],
    { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  let results: SpectralResult[];
  try {
    results = JSON.parse(result.stdout || "[]");
  } catch {
    throw new Error(`spectral lint ${fromRoot(bundlePath)} printed no report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  if (result.status !== 0 && results.length === 0) {
    throw new Error(`spectral lint ${fromRoot(bundlePath)} failed (exit ${result.status}):\n${result.stderr}`);
  }
  const toFinding = (r: SpectralResult): Finding => ({
    where: `${fromRoot(r.source ?? bundlePath)}:${r.range.start.line + 1} #/${r.path.join("/")}`,
    rule: String(r.code),
    message: r.message,
  });
  return {
    errors: results.filter((r) => r.severity === 0).map(toFinding),
    warnings: results.filter((r) => r.severity === 1).map(toFinding),
  };
}
