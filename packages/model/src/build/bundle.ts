// Bundles spec/<api>/ (openapi.yaml + paths/ + components/) into one JSON document.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Json } from "../api-model.js";
import { redocly } from "./redocly.js";
import { assertApi, repoRoot, specFile } from "./workspace.js";

/**
 * Lints and bundles one API. Refs to components stay refs (so generated types get names);
 * file refs are inlined into #/components. Returns the parsed bundle.
 */
export function bundleSpec(api: string, outFile: string): Json {
  assertApi(api);
  mkdirSync(dirname(outFile), { recursive: true });
  const config = join(repoRoot, "redocly.yaml");
  redocly(["lint", specFile(api), "--config", config, "--format", "codeframe"]);
  redocly(["bundle", specFile(api), "--config", config, "--ext", "json", "-o", outFile]);
  return JSON.parse(readFileSync(outFile, "utf8"));
}

/** A short hash of a bundled spec, stamped into generated files so a stale build is detectable. */
export const specHash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);
