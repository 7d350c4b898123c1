// Where things live in the repository: the APIs are the folders of spec/ (nothing else lists them).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "./usage-error.js";

/** The repository's root: the nearest folder above this file with a pnpm-workspace.yaml. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = resolve(dir, "..");
    if (parent === dir) throw new Error("@repo/model: no pnpm-workspace.yaml above this package");
    dir = parent;
  }
  return dir;
}

export const repoRoot: string = findRoot();
export const specRoot: string = join(repoRoot, "spec");

/** The source spec of one API: spec/<api>/openapi.yaml. */
export const specFile = (api: string): string => join(specRoot, api, "openapi.yaml");

/** Every API of the repository: each folder of spec/ that holds an openapi.yaml, sorted. */
export function listApis(): string[] {
  return readdirSync(specRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(specFile(entry.name)))
    .map((entry) => entry.name)
    .sort();
}

/** Fails with an actionable message when `api` is not one of spec/*. */
export function assertApi(api: string | undefined): string {
  const apis = listApis();
  if (api === undefined || !apis.includes(api)) {
    throw new UsageError(`Unknown API "${api ?? ""}". Known APIs (folders of spec/ with an openapi.yaml): ${apis.join(", ")}.`);
  }
  return api;
}
