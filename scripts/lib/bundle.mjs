// Bundles spec/<api>/ (openapi.yaml + paths/ + components/) into one JSON document.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createHash } from "node:crypto";
import { assertApi, repoRoot, specFile } from "./paths.mjs";
import { redocly } from "./run.mjs";

/**
 * Lints and bundles one API. Refs to components stay refs (so generated types get names);
 * file refs are inlined into #/components. Returns the parsed bundle.
 */
export function bundleSpec(api, outFile) {
  assertApi(api);
  mkdirSync(dirname(outFile), { recursive: true });
  redocly(["lint", specFile(api), "--config", join(repoRoot, "redocly.yaml"), "--format", "codeframe"]);
  redocly(["bundle", specFile(api), "--config", join(repoRoot, "redocly.yaml"), "--ext", "json", "-o", outFile]);
  return JSON.parse(readFileSync(outFile, "utf8"));
}

/** A short hash of a bundled spec, stamped into generated files so a stale build is detectable. */
export const specHash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);
