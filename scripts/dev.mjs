#!/usr/bin/env node
// `pnpm dev`: the spec writer's loop. Serves the docs site and every API's mock, watches spec/, and on
// each save of spec/<api>/… re-lints that API (problems printed with file and line), then rebuilds only
// its docs pages and its SDK types (`pnpm --filter <api> generate`). Reload the page to see the change.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, watch } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { binPath, listApis, pnpm, quietRedocly, repoRoot, specFile, specRoot } from "@repo/model/build";

const docsDir = join(repoRoot, "packages", "docs");
const distDir = join(docsDir, "dist");
const port = Number(process.env.DOCS_PORT ?? 4000);
const children = [];

/** Runs a command to its end with inherited output; resolves with its exit code. */
function step(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", env: quietRedocly, ...options });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

const buildDocs = (api) => step(process.execPath, ["--import", "tsx", join(repoRoot, "packages", "docs", "src", "build.ts"), distDir, ...(api ? [api] : [])]);
const generate = (api) => step(...pnpm("--silent", "--filter", api, "generate"));

/** Lints one API; prints every problem (warnings too) as file:line:column with a code frame. */
function lint(api) {
  const result = spawnSync(
    process.execPath,
    [binPath("@redocly/cli", "redocly"), "lint", specFile(api), "--config", join(repoRoot, "redocly.yaml"), "--format", "codeframe"],
    { cwd: repoRoot, env: quietRedocly, encoding: "utf8" },
  );
  const output = `${result.stdout}${result.stderr}`
    .split("\n")
    .filter((line) => !/[║╔╚]/.test(line)) // Redocly's Node-version banner
    .join("\n")
    .trim();
  if (/warning|error/i.test(output)) console.log(output);
  return result.status === 0;
}

async function rebuild(api) {
  const started = Date.now();
  console.log(`\n↻ spec/${api} changed: linting…`);
  if (!lint(api)) {
    console.log(`✖ spec/${api} has lint errors (above); docs and types not rebuilt.`);
    return;
  }
  // Docs first (what the writer is looking at), then the SDK types and model.
  const docs = await buildDocs(api);
  const types = docs === 0 ? await generate(api) : 1;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(docs === 0 && types === 0 ? `✔ ${api}: docs and types rebuilt in ${seconds} s — reload the page.` : `✖ ${api}: rebuild failed (above).`);
}

/** Serves dist/ without caching, so a reload always shows the latest build. */
function serveDocs() {
  const sirv = createRequire(join(docsDir, "package.json"))("sirv");
  const handler = sirv(distDir, { dev: true });
  const server = createServer((req, res) => handler(req, res, () => ((res.statusCode = 404), res.end("not found"))));
  return new Promise((resolve, reject) => {
    server.once("error", (error) =>
      reject(new Error(error.code === "EADDRINUSE" ? `Port ${port} is in use: set DOCS_PORT to a free port.` : error.message)),
    );
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

/** One rebuild at a time per API; saves during a rebuild trigger one more afterwards. */
const queue = new Map();
function schedule(api) {
  const state = queue.get(api) ?? { timer: null, running: false, again: false };
  queue.set(api, state);
  clearTimeout(state.timer);
  state.timer = setTimeout(async () => {
    if (state.running) return void (state.again = true);
    state.running = true;
    await rebuild(api);
    state.running = false;
    if (state.again) (state.again = false), schedule(api);
  }, 150); // editors write a file in several steps
}

function stop() {
  for (const child of children) child.kill("SIGTERM");
  process.exit(0);
}

try {
  if (!existsSync(join(distDir, "index.html")) && (await buildDocs()) !== 0) throw new Error("the first docs build failed (above).");
  for (const api of listApis()) {
    if (!existsSync(join(repoRoot, "packages", api, "generated", "openapi.json")) && (await generate(api)) !== 0) {
      throw new Error(`pnpm --filter ${api} generate failed (above).`);
    }
  }
  await serveDocs();
  const mocks = spawn(...pnpm("--silent", "--filter", "@repo/mock-server", "serve"), { cwd: repoRoot, stdio: "inherit" });
  children.push(mocks);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  watch(specRoot, { recursive: true }, (_event, file) => {
    const api = file && relative(specRoot, join(specRoot, file)).split(sep)[0];
    if (api && listApis().includes(api)) schedule(api);
  });
  console.log(`\nDocs: http://127.0.0.1:${port}/  (watching spec/ — save a file to rebuild that API; Ctrl-C stops)`);
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  for (const child of children) child.kill("SIGTERM");
  process.exit(1);
}
