// The built SDK in a real browser (headless Chromium, @repo/testkit/browser): a consumer bundle
// of dist/index.js (esbuild, platform browser: a Node-only import would fail the build) served from
// 127.0.0.1, calling the Prism mock across origins. No process, no Node globals: only what a web page has.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { launchChromium, type Browser } from "@repo/testkit/browser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startMock } from "../src/mock.js";

const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;

const app = `
  import { ApiClient, AuthenticationError } from "cloudnexus";
  window.run = async (baseUrl) => {
    const client = new ApiClient("cn_test_4eC39HqLyjWDarjtT1zdp7dc", { baseUrl });
    const { data: list, response } = await client.instances.list({ status: "running" }).withResponse();
    const all = [];
    for await (const instance of client.instances.list.all()) all.push(instance.id);
    const error = await new ApiClient(undefined, { baseUrl }).me().catch((e) => e);
    const raw = await client.raw.GET("/me");
    return { list, status: response.status, all, error: [error instanceof AuthenticationError, error.status, error.code], raw: raw.data };
  };
`;

describe("the SDK in a browser", () => {
  let server: Server;
  let pageUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    const bundle = await build({
      stdin: { contents: app, resolveDir: new URL(".", import.meta.url).pathname },
      alias: { cloudnexus: new URL("../dist/index.js", import.meta.url).pathname },
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
    });
    const files: Record<string, [string, string]> = {
      "/": ["text/html", '<!doctype html><link rel="icon" href="data:,"><script type="module" src="/app.js"></script>'],
      "/app.js": ["text/javascript", bundle.outputFiles[0]!.text],
    };
    server = createServer((req, res) => {
      const file = files[req.url ?? ""];
      if (file) res.writeHead(200, { "content-type": file[0] }).end(file[1]);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("calls the mock, pages, throws typed errors and reaches raw, with no console error", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(pageUrl);
    await page.waitForFunction(() => "run" in window);
    const result = await page.evaluate((baseUrl) => (window as unknown as { run(u: string): Promise<unknown> }).run(baseUrl), inject("mockUrl"));
    expect(result).toEqual({
      list: example("InstanceList"),
      status: 200,
      all: example("InstanceList").instances.map((i: { id: string }) => i.id),
      error: [true, 401, example("ErrorUnauthorized").error.code],
      raw: example("Account"),
    });
    // the 401 is an expected answer: the browser logs failed requests as console errors
    expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
  });
  it("works across origins against the stateful mock too (CORS, preflights with the SDK's headers)", async () => {
    const mock = await startMock();
    try {
      const page = await browser.newPage();
      await page.goto(pageUrl);
      await page.waitForFunction(() => "run" in window);
      const result = (await page.evaluate((baseUrl) => (window as unknown as { run(u: string): Promise<unknown> }).run(baseUrl), mock.url)) as Record<string, unknown>;
      expect(result).toMatchObject({ status: 200, error: [true, 401, example("ErrorUnauthorized").error.code], raw: example("Account") });
      const running = (result.list as { instances: Array<{ id: string; status: string }> }).instances;
      expect(running.length).toBeGreaterThan(0);
      expect(running.every((i) => i.status === "running")).toBe(true); // the filter was applied
      expect(result.all).toEqual(expect.arrayContaining(running.map((i) => i.id)));
      expect(mock.requests.filter((r) => r.violations.some((v) => v.side === "response"))).toEqual([]);
    } finally {
      await mock.stop();
    }
  });
});
