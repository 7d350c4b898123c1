#!/usr/bin/env node
// `pnpm new-api <name> [--from <openapi file> [--refresh]] [--no-install]`: adds an API to the repository in one step
// (or, with --refresh, replaces an imported API's upstream file and keeps its overlay).
//   spec/<name>/openapi.yaml   the starter spec (or the imported file, bundled into one; or the one already there)
//   packages/<name>/           its SDK package, rendered from scripts/templates/sdk-package/
//   redocly.yaml               the API under `apis:` (so `redocly lint <name>@v<major>` works)
//   pnpm-lock.yaml             `pnpm install` links the new package
// Every list of APIs in the repository (docs, gates, mocks, release tests) is read from spec/, so nothing
// else changes. Then `pnpm build && pnpm test` are green for the new API.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse as parseYaml, parseDocument } from "yaml";
import {
  assertUsableDocument,
  baselineReport,
  binPath,
  deriveNames,
  namesOverlay,
  overlayFile,
  refreshedOverlay,
  pnpm,
  quietRedocly,
  recordLintBaseline,
  redocly,
  repoRoot,
  runMain as main,
  specFile,
  UsageError,
} from "@repo/model/build";
import { recordSecurityBaseline } from "@repo/spec-checks/security-baseline";
import { API_NAME, renderSdkPackage, renderStarterSpec, templateValues } from "./lib/scaffold.mjs";

const USAGE = "Usage: pnpm new-api <name> [--from <openapi.yaml|json> [--refresh]] [--no-install]";

/** Reads an OpenAPI 3.x document (YAML or JSON), or says in one line why it is not one. */
function readOpenApi(file) {
  let doc;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`${file} is not valid YAML or JSON: ${String(error.message).split("\n")[0]}`);
  }
  assertUsableDocument(doc, file);
  return doc;
}

/**
 * Adds `<name>@v<major>: { root }` at the end of the `apis:` block of redocly.yaml. A text edit, so the
 * rest of the file (comments, spacing, flow lists) stays byte for byte as it was.
 */
function registerInRedocly(api, major) {
  const file = join(repoRoot, "redocly.yaml");
  const key = `${api}@v${major}`;
  const text = readFileSync(file, "utf8");
  if (parseDocument(text).hasIn(["apis", key])) return key;
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^apis:\s*$/.test(line));
  if (start === -1) throw new Error("redocly.yaml has no top-level `apis:` block; add `apis:` and run again.");
  let end = start + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end])) end += 1;
  lines.splice(end, 0, `  ${key}:`, `    root: spec/${api}/openapi.yaml`);
  writeFileSync(file, lines.join("\n"));
  return key;
}

/** Where the user typed the command: a relative --from is relative to it (`pnpm new-api` runs in the root). */
const typedIn = () => (process.env.npm_lifecycle_event === "new-api" && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd());

/** Bundles `from` (file refs inlined) into `spec`, or says in one line why it cannot. */
function bundleUpstream(from, typed, spec) {
  try {
    redocly(["bundle", from, "--config", join(repoRoot, "redocly.yaml"), "-o", spec]);
  } catch (error) {
    throw new UsageError(`${typed} could not be bundled into one file; fix what Redocly says and run again.\n${error.message}`);
  }
}

/**
 * `--refresh`: an imported API's upstream file replaced by a newer one. The overlay keeps every name it
 * holds for an operation upstream still has (and all its other actions and comments), names the new
 * operations, and drops the names of removed ones; both baselines are recorded again.
 */
function refresh(api, typed, wrote) {
  if (!typed) throw new UsageError(`--refresh re-imports an API from its upstream file: give it with --from <file>.\n${USAGE}`);
  const overlay = overlayFile(api);
  if (!existsSync(overlay)) throw new UsageError(`spec/${api}/overlay.yaml does not exist: --refresh is for an API imported with \`pnpm new-api ${api} --from <file>\`.`);
  const from = resolve(typedIn(), typed);
  if (!existsSync(from)) throw new UsageError(`--from ${typed}: no such file.`);
  readOpenApi(from);
  const spec = specFile(api);
  const next = `${spec}.refresh.yaml`;
  try {
    bundleUpstream(from, typed, next);
    const imported = readOpenApi(next);
    let merged;
    try {
      merged = refreshedOverlay(readFileSync(overlay, "utf8"), deriveNames(imported));
    } catch (error) {
      throw new UsageError(`spec/${api}/overlay.yaml ${error.message}; fix it and run again (nothing was changed).`);
    }
    renameSync(next, spec);
    writeFileSync(overlay, merged.text);
    wrote(`spec/${api}/openapi.yaml`, `refreshed from ${typed} (kept as upstream wrote it)`);
    wrote(`spec/${api}/overlay.yaml`, `names kept for ${merged.kept} operations, ${merged.added.length} added, ${merged.dropped.length} dropped`);
    for (const line of merged.added) console.log(`  + ${line}`);
    for (const line of merged.dropped) console.log(`  - ${line}: upstream no longer has it`);
  } finally {
    rmSync(next, { force: true });
  }
  const { problems } = recordLintBaseline(api, { accept: true });
  wrote(".redocly.lint-ignore.yaml", `lint baseline recorded again: ${problems.length} problems upstream has today`);
  const security = recordSecurityBaseline(api);
  wrote(`spec/${api}/security-baseline.yaml`, `${security ?? 0} Spectral/OWASP errors upstream has today`);
  console.log(`\nNext: \`pnpm build && pnpm test\`.`);
}

await main(async (argv) => {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: "string" }, refresh: { type: "boolean" }, "no-install": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    throw new UsageError(`${error.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(USAGE);
  const [api, ...extra] = positionals;
  if (!api || extra.length) throw new UsageError(`Give one API name.\n${USAGE}`);
  if (!API_NAME.test(api) || api.length > 40) {
    throw new UsageError(`"${api}" is not a usable API name: lower-case letters and digits in words joined by "-" (e.g. amber-volumes), at most 40 characters; it names the folder, the package, the CLI and the ${api.toUpperCase()}_TOKEN variable.`);
  }
  const packageDir = join(repoRoot, "packages", api);
  /** One line per file written, the paths in a column. */
  const wrote = (path, what) => console.log(`${path.padEnd(`spec/${api}/openapi.yaml`.length + 2)}${what}`);
  if (values.refresh) return refresh(api, values.from, wrote);
  if (existsSync(packageDir)) throw new UsageError(`packages/${api}/ already exists: pick another name, or remove it first.`);

  const spec = specFile(api);
  if (values.from) {
    // `pnpm new-api` runs in the repository root: a relative --from is relative to where the user typed it
    const from = resolve(typedIn(), values.from);
    if (!existsSync(from)) throw new UsageError(`--from ${values.from}: no such file.`);
    if (existsSync(spec)) throw new UsageError(`spec/${api}/openapi.yaml already exists; drop --from to scaffold the package for it, or pick another name.`);
    readOpenApi(from);
    mkdirSync(dirname(spec), { recursive: true });
    // one file: refs to other files (and URLs) are inlined, refs inside the document stay refs
    try {
      bundleUpstream(from, values.from, spec);
    } catch (error) {
      rmSync(dirname(spec), { recursive: true, force: true }); // nothing half-written stays behind
      throw error;
    }
    wrote(`spec/${api}/openapi.yaml`, `imported from ${values.from} (kept as upstream wrote it)`);
    // our names (and later fixes and mock hints) go into an overlay, so the upstream file can be refreshed
    const imported = readOpenApi(spec);
    const derived = deriveNames(imported);
    writeFileSync(overlayFile(api), namesOverlay(String(imported.info?.title ?? api), derived));
    const renamed = derived.names.filter((name) => name.upstream !== name.operationId).length;
    wrote(`spec/${api}/overlay.yaml`, `SDK names of ${renamed} of ${derived.names.length} operations${derived.collisions.length ? ` (${derived.collisions.length} collisions resolved, listed at its top)` : ""}`);
  } else if (existsSync(spec)) {
    wrote(`spec/${api}/openapi.yaml`, "kept (it was there)");
  } else {
    mkdirSync(dirname(spec), { recursive: true });
    writeFileSync(spec, renderStarterSpec(api));
    wrote(`spec/${api}/openapi.yaml`, "the starter spec: one resource and the account");
  }
  const doc = readOpenApi(spec);

  for (const file of renderSdkPackage(api, doc)) {
    mkdirSync(dirname(join(packageDir, file.path)), { recursive: true });
    writeFileSync(join(packageDir, file.path), file.content, { mode: file.mode });
  }
  wrote(`packages/${api}/`, "its SDK package (typed client, CLI, mock, tests)");
  const key = registerInRedocly(api, templateValues(api, doc).__MAJOR__);
  wrote("redocly.yaml", `apis: ${key}`);

  if (values.from) {
    // an imported spec is held to a ratchet, not a wall: what it breaks today is its baseline
    const { problems } = recordLintBaseline(api, { accept: true });
    if (problems.length) {
      wrote(".redocly.lint-ignore.yaml", `lint baseline: ${problems.length} problems upstream has today (may only shrink; \`pnpm lint-baseline ${api}\`)`);
      console.log(`\nFix first (in spec/${api}/overlay.yaml, or upstream):\n${baselineReport(problems).slice(0, 10).map((line) => `  ${line}`).join("\n")}`);
    }
    const security = recordSecurityBaseline(api);
    if (security) wrote(`spec/${api}/security-baseline.yaml`, `${security} Spectral/OWASP errors upstream has today (may only shrink)`);
  }
  const lint = spawnSync(process.execPath, [binPath("@redocly/cli", "redocly"), "lint", key, "--format", "summary"], { cwd: repoRoot, env: quietRedocly, encoding: "utf8" });
  const report = `${lint.stdout}\n${lint.stderr}`.split("\n").filter((line) => !/[║╔╚]/.test(line)).join("\n").trim();
  if (lint.status !== 0 || /warning/i.test(report)) {
    console.log(`\n! \`pnpm lint\` reports problems in spec/${api}/ (the spec gate of \`pnpm test\` fails until they are fixed):\n${report}`);
  }

  if (!values["no-install"]) {
    console.log("\npnpm install (links the new package into the workspace and the lockfile)…");
    // adding an API is a lockfile change by design, also where CI makes pnpm default to --frozen-lockfile
    const install = spawnSync(...pnpm("install", "--no-frozen-lockfile", "--prefer-offline"), { cwd: repoRoot, stdio: "inherit" });
    if (install.status !== 0) throw new Error(`pnpm install failed (${install.error ? install.error.message : `exit ${install.status}`}); fix what it says, then run \`pnpm install\` again.`);
  }
  console.log(`\nNext: \`pnpm build && pnpm test\`, then \`pnpm api ${api} --help\`. Edit spec/${api}/ and rebuild; spec/README.md lists the conventions.`);
});

