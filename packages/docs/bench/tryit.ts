// `pnpm bench` (packages/docs): what the Try-it panel costs and how fast it answers, in headless Chromium
// on the built site. Figures only, no assertions:
//   - first render of each reference with and without the loader tag (same run, interleaved, median)
//   - the loader's and the lazy chunks' size (minified, gzip)
//   - first click → panel shown (the lazy chunk loaded), and Send → answer in the simulator
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium, type Browser } from "@repo/testkit/browser";
import { LOADER_TAG, TRYIT_DIR } from "../src/tryit/bundle.js";
import { apis, builtApi } from "../test/helpers/built.js";
import { operationAnchors, showOperation } from "../test/helpers/reference.js";
import { distDir, serveSite } from "../test/helpers/site.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// the same site twice: each reference also as index.no-tryit.html, without the loader tag
const root = mkdtempSync(join(tmpdir(), "docs-bench-"));
cpSync(distDir, root, { recursive: true });
for (const api of apis) {
  const html = readFileSync(join(root, api, "index.html"), "utf8");
  if (!html.includes(LOADER_TAG)) throw new Error(`${api}/index.html has no Try-it loader tag: build the site first`);
  writeFileSync(join(root, api, "index.no-tryit.html"), html.replace(`${LOADER_TAG}\n`, ""));
}
const site = await serveSite(`${root}/`);
const browser = await launchChromium();

/** Navigation start → first contentful paint, and → every operation rendered (as bench/pages.ts counts it). */
async function firstRender(browser: Browser, url: string): Promise<{ paint: number; operation: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const started = performance.now();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  for (const anchor of await operationAnchors(page)) await showOperation(page, anchor);
  const operation = performance.now() - started;
  await page.close();
  return { paint, operation };
}

try {
  console.log(`first render (median of ${RUNS}, interleaved): first contentful paint / every operation rendered`);
  for (const api of apis) {
    const times: Record<"with" | "without", Array<{ paint: number; operation: number }>> = { with: [], without: [] };
    for (let run = 0; run < RUNS; run += 1) {
      times.with.push(await firstRender(browser, `${site.url}/${api}/index.html`));
      times.without.push(await firstRender(browser, `${site.url}/${api}/index.no-tryit.html`));
    }
    for (const kind of ["without", "with"] as const) {
      const rows = times[kind];
      console.log(`  ${api.padEnd(12)} ${kind.padEnd(7)} loader: ${median(rows.map((r) => r.paint)).toFixed(0)} ms / ${median(rows.map((r) => r.operation)).toFixed(0)} ms`);
    }
  }

  const files = readdirSync(join(distDir, TRYIT_DIR)).filter((file) => file.endsWith(".js"));
  const sizes = files.map((file) => {
    const text = readFileSync(join(distDir, TRYIT_DIR, file));
    return { file, min: text.length, gzip: gzipSync(text, { level: 9 }).length };
  });
  const lazy = sizes.filter((size) => size.file !== "loader.js");
  const loader = sizes.find((size) => size.file === "loader.js")!;
  console.log(`loader (every reference page): ${kib(loader.min)} min, ${kib(loader.gzip)} gzip`);
  // panel-*: on the first click (panel, simulator, body check); prism-browser-*: the judge, on the first Send
  for (const size of lazy) console.log(`  lazy ${size.file}: ${kib(size.min)} min, ${kib(size.gzip)} gzip`);
  console.log(`lazy chunks in all: ${kib(lazy.reduce((n, s) => n + s.min, 0))} min, ${kib(lazy.reduce((n, s) => n + s.gzip, 0))} gzip`);

  for (const api of apis) {
    const built = builtApi(api);
    // a read and a write, when the API has them
    const ops = [built.operations.find((op) => op.method === "GET" && !op.parameters.some((p) => p.required)), built.operations.find((op) => op.mock.role === "create")].filter((op) => op !== undefined);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${site.url}/${api}/index.html`);
    const anchors = await operationAnchors(page);
    let first = true;
    for (const op of ops) {
      const anchor = anchors.find((candidate) => candidate.split("/").pop() === op.operationId.toLowerCase())!;
      if (await page.locator("#tryit-panel").isVisible()) await page.locator("#tryit-panel").getByRole("button", { name: "Close" }).click();
      await showOperation(page, anchor);
      const clicked = performance.now();
      await page.locator(`button.tryit-open[data-anchor="${anchor}"]`).click();
      await page.locator(`#tryit-panel .tryit-op[data-operation="${op.operationId}"]`).waitFor();
      if (first) console.log(`  ${api}: first click → panel shown (chunk, spec and model loaded): ${(performance.now() - clicked).toFixed(0)} ms`);
      const answers: number[] = [];
      for (let run = 0; run < 20; run += 1) {
        await page.locator("#tryit-panel .tryit-answer").evaluate((element) => element.replaceChildren());
        await page.locator("#tryit-panel").getByRole("button", { name: "Send" }).click();
        answers.push(Number.parseFloat(await page.locator("#tryit-panel .tryit-time").innerText()));
      }
      console.log(`  ${api}: Send → answer in the simulator, ${op.operationId}: first ${answers[0]!.toFixed(0)} ms${first ? " (the simulator starts, the judge's chunk loads)" : ""}, then median ${median(answers.slice(1)).toFixed(1)} ms`);
      first = false;
    }
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
  rmSync(root, { recursive: true, force: true });
}
