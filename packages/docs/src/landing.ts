// The landing page of the docs site: one card per API, everything on it read from the bundle, the
// model and the generated (tested) code samples.
import type { ApiModel, Json, ModelOperation } from "@repo/model";
import type { CodeSample } from "./samples.js";

/** What the landing page shows of one built API. */
export interface BuiltApi {
  api: string;
  doc: Json;
  model: ApiModel;
  samples: Record<string, CodeSample[]>;
}

const escapeHtml = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The one-line description of an API: `info.summary`, else the first paragraph of `info.description`. */
export function blurb(info: Json): string {
  if (info.summary) return info.summary;
  const paragraph = (info.description ?? "").split(/\n\s*\n/).find((p: string) => p.trim() && !p.trim().startsWith("#")) ?? "";
  return paragraph.replace(/[*_`]|\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\s+/g, " ").trim();
}

/**
 * The operation a quick start shows: a GET that needs no parameters, one that needs a token first
 * (so the snippet shows how to pass it), shortest path first.
 */
function quickStartOperation(model: ApiModel): ModelOperation {
  const candidates = model.operations.filter((op) => op.method === "GET" && !Object.keys(op.exampleParams ?? {}).length);
  const pool = candidates.length ? candidates : model.operations;
  return [...pool].sort((a, b) => Number(!a.security.length) - Number(!b.security.length) || a.path.length - b.path.length)[0]!;
}

function card({ api, doc, model, samples }: BuiltApi): string {
  const op = quickStartOperation(model);
  const sample = (label: string) => samples[op.operationId]?.find((s) => s.label === label)?.source.trim() ?? "";
  const base = model.servers[0] ?? "";
  return `<section class="api" id="${escapeHtml(api)}">
  <header>
    <h2><a href="./${api}/index.html">${escapeHtml(doc.info.title)}</a></h2>
    <span class="version">v${escapeHtml(doc.info.version)}</span>
  </header>
  <p class="blurb">${escapeHtml(blurb(doc.info))}</p>
  <dl>
    <dt>Base URL</dt><dd><code>${escapeHtml(base)}</code></dd>
    <dt>Operations</dt><dd>${model.operations.length}</dd>
  </dl>
  <p class="actions">
    <a class="button primary" href="./${api}/index.html">API reference</a>
    <a class="button" href="./${api}/openapi.json" download="${api}-openapi.json">Download OpenAPI file</a>
    <a class="button" href="./${api}/index.md">Markdown (for assistants)</a>
  </p>
  <div class="quick">
    <div>
      <h3>SDK quick start</h3>
      <pre><code>npm install ${escapeHtml(api)}</code></pre>
      <pre><code>${escapeHtml(sample("TypeScript SDK"))}</code></pre>
    </div>
    <div>
      <h3>CLI quick start</h3>
      <pre><code>npm install --global ${escapeHtml(api)}
${escapeHtml(api)} --help</code></pre>
      <pre><code>${escapeHtml(sample("CLI"))}</code></pre>
    </div>
  </div>
  <p class="note">Every operation's reference shows samples in curl, TypeScript, the CLI, Python and JavaScript.</p>
</section>`;
}

export function renderLanding(cards: BuiltApi[]): string {
  return `<!doctype html>
<!-- Generated from spec/ by scripts/build-docs.mjs; do not edit. -->
<html lang="en">
<head>
<meta charset="utf-8">
<title>Developer docs · API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%234f46e5'/%3E%3Cpath d='M9 20l5-8 4 6 2-3 3 5z' fill='white'/%3E%3C/svg%3E">
<style>
:root{--ink:#0f172a;--text:#334155;--muted:#64748b;--line:#e2e8f0;--accent:#4f46e5;--accent-dark:#3730a3;
  font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--text)}
body{margin:0;background:#f8fafc}
.bar{background:var(--ink);color:#fff;height:52px;display:flex;align-items:center;padding:0 1.25rem;font-weight:700;gap:.5rem}
.bar i{width:22px;height:22px;border-radius:6px;background:#6366f1;display:inline-block}
.hero{background:linear-gradient(135deg,#1e1b4b,#312e81 60%,#4338ca);color:#e0e7ff;padding:3rem 1.25rem 3.5rem}
.hero div,main{max-width:68rem;margin:0 auto}
.hero h1{color:#fff;font-size:2.2rem;margin:0 0 .5rem}
.hero p{margin:0;font-size:1.1rem;max-width:44rem}
main{padding:0 1.25rem 3rem;margin-top:-1.75rem}
.api{background:#fff;border:1px solid var(--line);border-radius:.75rem;padding:1.5rem 1.75rem;margin:0 0 1.5rem;box-shadow:0 1px 3px rgb(15 23 42/.06)}
.api header{display:flex;align-items:baseline;gap:.75rem}
.api h2{margin:0;font-size:1.5rem}.api h2 a{color:var(--ink);text-decoration:none}.api h2 a:hover{color:var(--accent)}
.version{font-size:.8rem;font-weight:600;color:var(--accent-dark);background:#eef2ff;border-radius:999px;padding:.15rem .6rem}
.blurb{font-size:1.05rem;margin:.5rem 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0 0 1rem}dt{color:var(--muted)}dd{margin:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
dd code{background:#f1f5f9;padding:.1rem .35rem;border-radius:.25rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin:0 0 1.25rem}
.button{display:inline-block;padding:.55rem 1rem;border-radius:.5rem;border:1px solid var(--line);color:var(--ink);text-decoration:none;font-weight:600}
.button:hover{border-color:var(--accent);color:var(--accent)}
.button.primary{background:var(--accent);border-color:var(--accent);color:#fff}.button.primary:hover{background:var(--accent-dark);color:#fff}
.quick{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1.25rem}
.quick h3{font-size:.85rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:0 0 .5rem}
pre{background:#0f172a;color:#e2e8f0;border-radius:.5rem;padding:.85rem 1rem;overflow-x:auto;margin:0 0 .6rem;line-height:1.5}
.note{color:var(--muted);font-size:.9rem;margin:.75rem 0 0}
footer{color:var(--muted);font-size:.85rem;text-align:center;padding:0 1rem 2rem}
</style>
</head>
<body>
<div class="bar"><i></i>Developer docs</div>
<div class="hero"><div>
<h1>API reference</h1>
<p>Every API, its typed TypeScript SDK and its CLI are generated from one OpenAPI description, and every code sample on these pages is tested against the API's mock.</p>
</div></div>
<main>
${cards.map(card).join("\n")}
</main>
<footer>Generated from the OpenAPI descriptions in <code>spec/</code>. References rendered with Redoc. For assistants: <a href="./llms.txt">llms.txt</a>.</footer>
</body>
</html>
`;
}
