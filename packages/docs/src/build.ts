// Builds the static documentation site into <outDir> (default: ./dist of the calling package):
//   index.html                 landing page: every API with its base URL, reference, OpenAPI file, SDK + CLI quick start
//   <api>/index.html           Redoc reference, fully offline (--inlineBundle, no CDN logo), with code samples
//   <api>/openapi.json         the bundled spec, for download (clean: no generated samples)
//   <api>/code-samples.json    the generated x-codeSamples by operationId (what packages/docs/test proves)
//   <api>/model.json           the operation model, which the Try-it panel reads on its first use
//   llms.txt                   for assistants: every API and operation, linked to <api>/index.md (src/assistants.ts)
//   <api>/index.md             for assistants: every operation's parameters, examples, SDK and CLI call
//   tryit/                     the Try-it loader every reference page loads, and its lazy chunks (src/tryit/)
// `tsx src/build.ts <outDir> <api>` rebuilds one API's pages only (used by `pnpm dev`).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deref, HTTP_METHODS, type ApiModel, type Json } from "@repo/model";
import { assertApi, buildModel, bundleSpec, inputStamp, listApis, redocly, repoRoot, runMain, specHash } from "@repo/model/build";
import { parse as parseYaml } from "yaml";
import { renderApiMarkdown, renderLlmsTxt } from "./assistants.js";
import { renderLanding, type BuiltApi } from "./landing.js";
import { codeSamples, SAMPLE_LABELS, type CodeSample } from "./samples.js";
import { buildTryIt, LOADER_TAG } from "./tryit/bundle.js";

// Redoc 3 renders "API docs by Redocly" with a logo fetched from this CDN; the site must work offline,
// so the built page points at a local copy of the attribution instead.
const CDN_LOGOS: Record<string, string> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='64' height='16'%3E%3Ctext x='0' y='12' font-family='system-ui,sans-serif' font-size='12' font-weight='600' fill='%2364748b'%3ERedocly%3C/text%3E%3C/svg%3E",
  "https://cdn.redoc.ly/redoc/logo-mini.svg": "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='16'%3E%3Ctext x='2' y='12' font-family='system-ui,sans-serif' font-size='12' font-weight='700' fill='%2364748b'%3ER%3C/text%3E%3C/svg%3E",
};

/**
 * A copy of the bundle as the reference shows it (the spec stays as written): `x-codeSamples` on every
 * operation of the model; an operation the build left out says why it has no SDK method or command; an
 * untagged operation of a tagged spec gets a tag, since Redoc lists only tagged ones then.
 */
function withCodeSamples(doc: Json, model: ApiModel) {
  const copy = structuredClone(doc);
  const samples: Record<string, CodeSample[]> = {};
  const operationAt = (path: string, method: string) => deref(copy, copy.paths[path])[method.toLowerCase()];
  for (const op of model.operations) {
    operationAt(op.path, op.method)["x-codeSamples"] = samples[op.operationId] = codeSamples(model, op);
  }
  for (const left of model.omitted) {
    const operation = operationAt(left.path, left.method);
    operation.description = `${operation.description ? `${operation.description}\n\n` : ""}> **Not in the SDK, CLI or MCP server:** ${left.reason}.`;
  }
  const tagged = Object.values(copy.paths ?? {}).some((item) => HTTP_METHODS.some((method) => deref(copy, item)[method]?.tags?.length));
  if (tagged) {
    for (const [path, item] of Object.entries(copy.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        const operation = deref(copy, item)[method];
        if (!operation || operation.tags?.length) continue;
        // the SDK's namespace of it, else one group for the rest
        const tag = model.operations.find((op) => op.path === path && op.method === method.toUpperCase())?.namespace || "Other";
        operation.tags = [tag];
        if (!(copy.tags ?? []).some((t: Json) => t.name === tag)) copy.tags = [...(copy.tags ?? []), { name: tag }];
      }
    }
  }
  return { docsBundle: copy, samples };
}

const STAMP = ".inputs-hash";

/** Builds dist/<api>/ (or reuses it when its inputs are unchanged) and returns what the landing page shows. */
function buildOrReuse(api: string, outDir: string, workDir: string): BuiltApi {
  // the docs package is one turbo task for every API: the stamp rebuilds only the API whose inputs changed
  const stamp = inputStamp(api, ["packages/docs/theme", "packages/docs/src", "packages/cli/src"]);
  const stampFile = join(outDir, api, STAMP);
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(join(outDir, api, "index.html"))) {
    console.log(`docs for ${api} are up to date (inputs unchanged)`);
    return readBuilt(outDir, api);
  }
  const built = buildApi(api, outDir, workDir);
  writeFileSync(stampFile, stamp);
  return built;
}

/** Builds dist/<api>/ and returns what the landing page shows of it. */
function buildApi(api: string, outDir: string, workDir: string): BuiltApi {
  const apiDir = join(outDir, api);
  rmSync(apiDir, { recursive: true, force: true });
  mkdirSync(apiDir, { recursive: true });
  const bundleFile = join(apiDir, "openapi.json");
  const doc = bundleSpec(api, bundleFile);
  const model = buildModel(api, doc, { specHash: specHash(readFileSync(bundleFile, "utf8")) });
  const { docsBundle, samples } = withCodeSamples(doc, model);
  writeFileSync(join(apiDir, "code-samples.json"), `${JSON.stringify(samples, null, 2)}\n`);
  writeFileSync(join(apiDir, "model.json"), JSON.stringify(model));

  const docsBundleFile = join(workDir, `${api}.openapi.json`);
  writeFileSync(docsBundleFile, JSON.stringify(docsBundle));
  const page = join(apiDir, "index.html");
  redocly(["build-docs", docsBundleFile, "--config", join(repoRoot, "redocly.yaml"), "--inlineBundle", "-o", page]);
  let html = readFileSync(page, "utf8");
  for (const [cdnUrl, local] of Object.entries(CDN_LOGOS)) {
    if (!html.includes(cdnUrl)) throw new Error(`Redoc no longer references ${cdnUrl}: review CDN_LOGOS in packages/docs/src/build.ts.`);
    html = html.replaceAll(cdnUrl, local);
  }
  // the Try-it buttons: a few lines up front, the panel itself only on the first click
  // (the page's own </body> is the last one: Redoc's inlined bundle holds the string too)
  const end = html.lastIndexOf("</body>");
  if (end < 0) throw new Error("Redoc's page has no </body>: review the Try-it loader tag in packages/docs/src/build.ts.");
  html = `${html.slice(0, end)}${LOADER_TAG}\n${html.slice(end)}`;
  writeFileSync(page, html);
  console.log(`built docs for ${api}: ${page} (${model.operations.length} operations)`);
  return { api, doc, model, samples };
}

/** Redoc shows only the sample languages redocly.yaml lists: they must be the samples we generate. */
function checkSampleLanguages() {
  const config = parseYaml(readFileSync(join(repoRoot, "redocly.yaml"), "utf8"));
  const labels = ((config?.openapi?.codeSamples?.languages ?? []) as Json[]).map((language) => language.label);
  if (JSON.stringify(labels) !== JSON.stringify(SAMPLE_LABELS)) {
    throw new Error(
      `redocly.yaml openapi.codeSamples.languages lists [${labels.join(", ")}] but packages/docs/src/samples.ts generates [${SAMPLE_LABELS.join(", ")}]: make them agree.`,
    );
  }
}

await runMain(async ([outArg, onlyApi]) => {
  checkSampleLanguages();
  const outDir = resolve(outArg ?? "dist");
  const apis = onlyApi ? [assertApi(onlyApi)] : listApis();
  mkdirSync(outDir, { recursive: true });
  // Pages of APIs that no longer exist go; the others are rebuilt only when their inputs changed.
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !listApis().includes(entry.name)) rmSync(join(outDir, entry.name), { recursive: true, force: true });
  }
  const workDir = mkdtempSync(join(tmpdir(), "docs-"));
  try {
    await buildTryIt(outDir);
    const built = apis.map((api) => buildOrReuse(api, outDir, workDir));
    // The landing page lists every API; on a one-API rebuild the others are read back from dist/.
    const cards = listApis().map((api) => built.find((b) => b.api === api) ?? readBuilt(outDir, api));
    writeFileSync(join(outDir, "index.html"), renderLanding(cards));
    writeFileSync(join(outDir, "llms.txt"), renderLlmsTxt(cards));
    for (const card of cards) writeFileSync(join(outDir, card.api, "index.md"), renderApiMarkdown(card));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});

/** An API built earlier: its bundle and samples from dist/<api>/. */
function readBuilt(outDir: string, api: string): BuiltApi {
  const doc = JSON.parse(readFileSync(join(outDir, api, "openapi.json"), "utf8"));
  const samples = JSON.parse(readFileSync(join(outDir, api, "code-samples.json"), "utf8"));
  return { api, doc, model: buildModel(api, doc, { specHash: "" }), samples };
}
