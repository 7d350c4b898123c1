#!/usr/bin/env node
// Builds the static documentation site into <outDir> (default: ./dist of the calling package):
//   index.html             landing page linking each API
//   <api>/index.html       Redoc reference, fully offline (--inlineBundle)
//   <api>/openapi.json     the bundled spec, for download
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleSpec } from "./lib/bundle.mjs";
import { listApis, repoRoot } from "./lib/paths.mjs";
import { main, redocly } from "./lib/run.mjs";

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

await main(async ([outArg]) => {
  const outDir = resolve(outArg ?? "dist");
  rmSync(outDir, { recursive: true, force: true });
  const cards = [];
  for (const api of listApis()) {
    const apiDir = join(outDir, api);
    mkdirSync(apiDir, { recursive: true });
    const bundleFile = join(apiDir, "openapi.json");
    const doc = bundleSpec(api, bundleFile);
    redocly(["build-docs", bundleFile, "--config", join(repoRoot, "redocly.yaml"), "--inlineBundle", "-o", join(apiDir, "index.html")]);
    cards.push({ api, doc });
    console.log(`built docs for ${api}: ${join(apiDir, "index.html")}`);
  }
  const list = cards
    .map(
      ({ api, doc }) => `<li class="api">
  <h2><a href="./${api}/index.html">${escapeHtml(doc.info.title)}</a> <small>v${escapeHtml(doc.info.version)}</small></h2>
  <p>${escapeHtml(doc.info.summary ?? "")}</p>
  <p>Base URL: <code>${escapeHtml(doc.servers?.[0]?.url ?? "")}</code> · <a href="./${api}/openapi.json" download>OpenAPI file</a></p>
</li>`,
    )
    .join("\n");
  writeFileSync(
    join(outDir, "index.html"),
    `<!doctype html>
<!-- Generated from spec/ by scripts/build-docs.mjs; do not edit. -->
<html lang="en"><head><meta charset="utf-8"><title>API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
ul{list-style:none;padding:0}.api{border:1px solid #e5e7eb;border-radius:.5rem;padding:1rem 1.5rem;margin:1rem 0}
h2{margin:.2rem 0}small{color:#6b7280;font-weight:normal}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:.2rem}</style>
</head><body><h1>API reference</h1><ul>
${list}
</ul></body></html>
`,
  );
});
