// The SDK package of an API, rendered from scripts/templates/sdk-package/: what `pnpm new-api` writes,
// and what the seed packages are checked against (packages/spec-checks: "every SDK package is the
// template"), so a fix to the wiring is made once, in the template.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { envNames } from "@repo/model";
import { repoRoot } from "@repo/model/build";

export const templateDir = join(repoRoot, "scripts", "templates", "sdk-package");
export const starterSpecFile = join(repoRoot, "scripts", "templates", "starter-spec", "openapi.yaml");

/** An API's folder name is its package name, its bin and its env prefix: lower-case words and dashes. */
export const API_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The placeholders of the templates, for one API and its spec document. */
export function templateValues(api, doc) {
  const title = String(doc?.info?.title ?? "").replace(/\s+API$/i, "").trim() || api;
  const major = String(doc?.info?.version ?? "1").match(/\d+/)?.[0] ?? "1";
  return { __TOKEN_ENV__: envNames(api).token, __TITLE__: title, __MAJOR__: major, __NAME__: api };
}

/** `text` with every placeholder replaced (the longer names first: `__NAME___test` is `<api>_test`). */
export function fill(text, values) {
  return Object.entries(values).reduce((out, [key, value]) => out.replaceAll(key, value), text);
}

/** The files of packages/<api>/ as the template renders them: { path (relative), content, mode } (bins stay executable). */
export function renderSdkPackage(api, doc) {
  const values = templateValues(api, doc);
  return readdirSync(templateDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
    .map((file) => ({ path: fill(relative(templateDir, file), values), content: fill(readFileSync(file, "utf8"), values), mode: statSync(file).mode & 0o777 }));
}

/** The starter spec of a new API (one resource and the account, every convention followed). */
export function renderStarterSpec(api) {
  return fill(readFileSync(starterSpecFile, "utf8"), { __TITLE__: titleOf(api), __NAME__: api });
}

/** `amber-volumes` → `Amber Volumes`. */
export const titleOf = (api) => api.split("-").map((word) => word[0].toUpperCase() + word.slice(1)).join(" ");
