// Where things live. Every build script derives its paths from here, so the layout is stated once.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const specRoot = join(repoRoot, "spec");

/** The source spec of one API: spec/<api>/openapi.yaml. */
export const specFile = (api) => join(specRoot, api, "openapi.yaml");

/** Every API of the repository: each folder of spec/ that holds an openapi.yaml. */
export function listApis() {
  return readdirSync(specRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(specFile(entry.name)))
    .map((entry) => entry.name)
    .sort();
}

/** Fails with an actionable message when `api` is not one of spec/*. */
export function assertApi(api) {
  const apis = listApis();
  if (!apis.includes(api)) {
    throw new UsageError(
      `Unknown API "${api ?? ""}". Known APIs (folders of spec/ with an openapi.yaml): ${apis.join(", ")}.`,
    );
  }
  return api;
}

/** An error whose message is the whole story: printed without a stack trace. */
export class UsageError extends Error {}
