// `pnpm bench` (packages/docs): prints each page's weight (bytes transferred, HTML size) and the time
// until every operation is rendered, in headless Chromium on the built site. Figures only, no assertions.
import { statSync } from "node:fs";
import { apis, builtApi } from "../test/helpers/built.js";
import { operationAnchors, showOperation } from "../test/helpers/reference.js";
import { launchChromium } from "@repo/testkit/browser";
import { distDir, serveSite } from "../test/helpers/site.js";

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const site = await serveSite();
const browser = await launchChromium();
try {
  const rows: string[][] = [["page", "html", "transferred", "requests", "first paint", "all operations rendered", "operations"]];
  for (const path of ["index.html", ...apis.map((api) => `${api}/index.html`)]) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let transferred = 0;
    let requests = 0;
    page.on("requestfinished", async (request) => {
      requests += 1;
      const sizes = await request.sizes().catch(() => null);
      transferred += sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
    });
    const started = performance.now();
    await page.goto(`${site.url}/${path}`, { waitUntil: "load" });
    await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
    const paint = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
    let rendered = "-";
    let operations = "-";
    const api = path.split("/")[0] ?? "";
    if (apis.includes(api)) {
      // "Rendered" = from navigation start until every operation, reached through the sidebar, shows its section and curl sample.
      const anchors = await operationAnchors(page);
      for (const anchor of anchors) await showOperation(page, anchor);
      rendered = `${(performance.now() - started).toFixed(0)} ms`;
      operations = `${anchors.length}/${builtApi(api).operations.length}`;
    }
    rows.push([path, kib(statSync(`${distDir}${path}`).size), kib(transferred), String(requests), `${paint.toFixed(0)} ms`, rendered, operations]);
    await page.close();
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
} finally {
  await browser.close();
  await site.close();
}
