// The built site in a real headless Chromium, served from 127.0.0.1: the landing page links every API,
// each reference renders every operation of the model with its code samples, logs no console error,
// and requests nothing off this machine (every such request is aborted and fails the test).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type Page } from "@repo/testkit/browser";
import { describe, expect, it } from "vitest";
import { apis, builtApi, sampleOf } from "./helpers/built.js";
import { operationAnchors, visitOperation } from "./helpers/reference.js";
import { isLocal, type ServedSite, siteInChromium } from "./helpers/site.js";

const screenshots = fileURLToPath(new URL("../test-output/", import.meta.url));

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Requests to anything but this machine (aborted). */
  offMachine: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

let site: ServedSite;
let browser: Browser;

mkdirSync(screenshots, { recursive: true });
siteInChromium((served, chromium) => {
  site = served;
  browser = chromium;
});

/** A fresh page whose off-machine requests and console errors are recorded. */
async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const watched: Watched = { context, page: await context.newPage(), offMachine: [], errors: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    watched.offMachine.push(url);
    return route.abort();
  });
  watched.page.on("console", (message) => {
    if (message.type() === "error") watched.errors.push(message.text());
  });
  watched.page.on("pageerror", (error) => watched.errors.push(error.message));
  return watched;
}

describe("landing page", () => {
  it("links each API's reference and OpenAPI file, and opens the reference", async () => {
    const { page, context, offMachine, errors } = await watchedPage();
    await page.goto(`${site.url}/index.html`);
    await page.screenshot({ path: `${screenshots}landing.png`, fullPage: true });
    for (const api of apis) {
      const built = builtApi(api);
      const card = page.locator(`section.api#${api}`);
      await expect(card.locator("h2").innerText()).resolves.toBe(built.title);
      await expect(card.innerText()).resolves.toContain(built.servers[0]);
      const download = await card.locator(`a[href="./${api}/openapi.json"]`).getAttribute("download");
      expect(download).not.toBeNull();
      const spec = await page.request.get(`${site.url}/${api}/openapi.json`);
      expect(spec.status()).toBe(200);
    }
    for (const api of apis) {
      await page.goto(`${site.url}/index.html`);
      await page.locator(`section.api#${api} a[href="./${api}/index.html"]`).first().click();
      await page.waitForURL(`${site.url}/${api}/index.html**`);
      await page.locator('[data-component-name="Menu/Menu"]').first().waitFor();
      await expect(page.title()).resolves.toContain(builtApi(api).title);
    }
    expect(offMachine).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe.each(apis)("%s reference page", (api) => {
  const built = builtApi(api);

  it("renders every operation of the model with its code samples, offline and without console errors", async () => {
    const { page, context, offMachine, errors } = await watchedPage();
    await page.goto(`${site.url}/${api}/index.html`);
    const anchors = await operationAnchors(page);
    // Redoc's anchor ends with the operationId in lower case: the sidebar lists exactly the model's
    // operations, those the build left out (documented, with why they have no samples) and the spec's
    // webhooks (documented payloads, without samples: they are not calls).
    const leftOut = built.omitted.flatMap((op) => (op.operationId ? [op.operationId.toLowerCase()] : []));
    const named = [...built.operations.map((op) => op.operationId), ...built.webhooks].map((id) => id.toLowerCase()).concat(leftOut).sort();
    const ids = anchors.map((anchor) => anchor.split("/")[1]!);
    expect(ids.filter((id) => named.includes(id)).sort()).toEqual(named);
    expect(ids.length).toBe(named.length + built.omitted.filter((op) => !op.operationId).length);
    for (const anchor of anchors.filter((anchor) => leftOut.includes(anchor.split("/")[1]!))) {
      await page.evaluate((hash) => (window.location.hash = hash), `#/${anchor}`);
      await page.locator(`[id="${anchor}"]`).waitFor();
      await expect(page.locator(`[id="${anchor}"]`).innerText()).resolves.toContain("Not in the SDK, CLI or MCP server:");
    }
    const webhooks = new Set(built.webhooks.map((id) => id.toLowerCase()));
    for (const anchor of anchors.filter((anchor) => !webhooks.has(anchor.split("/")[1]!) && built.operations.some((op) => op.operationId.toLowerCase() === anchor.split("/")[1]))) {
      const operationId = built.operations.find((op) => op.operationId.toLowerCase() === anchor.split("/")[1])?.operationId ?? "";
      const rendered = await visitOperation(page, anchor);
      expect(rendered.sampleLabels, anchor).toEqual(built.samples[operationId]?.map((s) => s.label));
      expect(rendered.sampleText.trim(), anchor).toBe(sampleOf(built, operationId, "curl").trim());
    }
    await page.screenshot({ path: `${screenshots}${api}.png` });
    expect(offMachine).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
