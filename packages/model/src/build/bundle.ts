// Bundles spec/<api>/ (openapi.yaml + paths/ + components/) into one JSON document.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Json } from "../api-model.js";
import { overlaysOf } from "./overlay.js";
import { redocly } from "./redocly.js";
import { assertUsableDocument } from "./usable-document.js";
import { UsageError } from "./usage-error.js";
import { assertApi, repoRoot, specFile } from "./workspace.js";

/**
 * Bundles one API, its overlay applied (spec/<api>/overlay.yaml, when there is one). Refs to components
 * stay refs (so generated types get names); file refs are inlined into #/components. Returns the parsed
 * bundle. Lint problems are printed, never fatal (the spec gate of `pnpm test` holds the line); only a
 * document that cannot be used stops the build.
 */
export function bundleSpec(api: string, outFile: string): Json {
  assertApi(api);
  mkdirSync(dirname(outFile), { recursive: true });
  const config = join(repoRoot, "redocly.yaml");
  const source = `spec/${api}/openapi.yaml`;
  let document: Json;
  try {
    document = parseYaml(readFileSync(specFile(api), "utf8"));
  } catch (error) {
    throw new UsageError(`${source} is not valid YAML or JSON: ${String((error as Error).message).split("\n")[0]}`);
  }
  assertUsableDocument(document, source);
  try {
    redocly(["lint", specFile(api), "--config", config, "--format", "codeframe"]);
  } catch (error) {
    process.stderr.write(`! ${source} has lint problems (the build goes on; \`pnpm lint\` and the spec gate of \`pnpm test\` fail on them):\n${(error as Error).message}\n`);
  }
  try {
    redocly(["bundle", specFile(api), ...overlaysOf(api).flatMap((file) => ["--overlay", file]), "--config", config, "--ext", "json", "-o", outFile]);
  } catch (error) {
    // an unresolvable $ref, an overlay that does not apply: the first problem Redocly names, in one line
    const first = (error as Error).message.split("\n").find((line) => /resolve|overlay|error/i.test(line) && !/^redocly bundle failed/.test(line));
    throw new UsageError(`${source} could not be bundled: ${first?.trim() ?? (error as Error).message}`);
  }
  return JSON.parse(readFileSync(outFile, "utf8"));
}

/** A short hash of a bundled spec, stamped into generated files so a stale build is detectable. */
export const specHash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);
