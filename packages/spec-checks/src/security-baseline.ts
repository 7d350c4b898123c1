// The security gate's ratchet for an imported spec: what Spectral/OWASP finds in upstream's document
// today is recorded in spec/<api>/security-baseline.yaml (`pnpm new-api --from`, `pnpm lint-baseline`),
// so the gate is green on import, fails on a new finding, and fails on a recorded one that is fixed.
// A spec written here has no such file: every finding fails.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { apiArtifacts, specRoot } from "@repo/model/build";
import type { Finding } from "./findings.js";
import { spectralLint } from "./spectral.js";

export const securityBaselineFile = (api: string): string => join(specRoot, api, "security-baseline.yaml");

/** A finding's identity across rebuilds: its rule and JSON path (not its line in the bundle). */
export const findingKey = (finding: Finding): string => `${finding.rule} ${finding.where.slice(finding.where.indexOf(" #/") + 1)}`;

/** The recorded keys, or null when the API has no baseline. */
export function readSecurityBaseline(api: string): string[] | null {
  const file = securityBaselineFile(api);
  return existsSync(file) ? ((parse(readFileSync(file, "utf8")) as { findings?: string[] } | null)?.findings ?? []) : null;
}

/** Records what Spectral finds in the API's bundle now; returns how many. */
export function recordSecurityBaseline(api: string): number {
  const keys = [...new Set(spectralLint(apiArtifacts(api).bundleFile).errors.map(findingKey))].sort();
  const file = securityBaselineFile(api);
  if (!keys.length) rmSync(file, { force: true });
  else {
    const head = "# Spectral/OWASP errors upstream's document has today (`pnpm lint-baseline <api>` re-records them).\n# An entry may only leave: the security gate fails on a finding that is not here, and on one that is fixed.\n";
    writeFileSync(file, `${head}${stringify({ findings: keys }, { lineWidth: 0 })}`);
  }
  return keys.length;
}
