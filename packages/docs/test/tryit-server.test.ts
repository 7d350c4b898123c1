// The Try-it panel's second target: a server the reader names, with their token. Against the local
// stateful mock (127.0.0.1, accepting only that token), an operation that needs the token answers
// 2xx, and the token is nowhere but its input: not in the page's DOM, localStorage, URL nor samples.
import { randomBytes } from "node:crypto";
import { startMockServer, type MockServer } from "@repo/mock-server";
import { type Browser } from "@repo/testkit/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apis, builtApi } from "./helpers/built.js";
import { operationAnchors } from "./helpers/reference.js";
import { distDir, type ServedSite, siteInChromium } from "./helpers/site.js";
import { openTryIt, panel, send, watchedPage } from "./helpers/tryit.js";

let site: ServedSite;
let browser: Browser;

siteInChromium((served, chromium) => {
  site = served;
  browser = chromium;
});

describe.each(apis)("%s reference page: Try it against a server", (api) => {
  const built = builtApi(api);
  // an operation that needs the token and no parameter the reader must find first
  const op = built.operations.find((candidate) => candidate.security.length && !candidate.parameters.some((p) => p.required) && !candidate.requestBody)!;
  const token = `tok_${randomBytes(12).toString("hex")}`;
  let mock: MockServer<null, never>;

  beforeAll(async () => {
    mock = await startMockServer(`${distDir}${api}/openapi.json`, () => null, { host: "127.0.0.1", tokens: [token] });
  }, 60_000);
  afterAll(() => mock?.stop());

  it(`sends ${op.operationId} to the mock by URL with a token kept out of the DOM, localStorage, the URL and the console`, async () => {
    const { page, context, refused, errors } = await watchedPage(browser, site.url, (url) => url.startsWith(`${mock.url}/`));
    const logged: string[] = [];
    page.on("console", (message) => logged.push(message.text()));
    await page.goto(`${site.url}/${api}/index.html`);
    await openTryIt(page, (await operationAnchors(page)).find((anchor) => anchor.split("/").pop() === op.operationId.toLowerCase())!, op.operationId);
    await panel(page).locator("select[name=target]").selectOption("server");
    await panel(page).locator("input[name=server]").fill(mock.url);
    await panel(page).locator("input[name=token]").fill(token);
    const answer = await send(page);
    expect(answer.status, answer.body).toBeGreaterThanOrEqual(200);
    expect(answer.status, answer.body).toBeLessThan(300);
    expect(mock.requests.map((r) => r.operationId)).toContain(op.operationId);

    // the token: in its input only
    await expect(panel(page).locator("input[name=token]").inputValue()).resolves.toBe(token);
    const seen = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      text: document.body.innerText,
      values: [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea, select")].filter((input) => input.name !== "token").map((input) => input.value),
      local: JSON.stringify({ ...localStorage }),
      url: window.location.href,
    }));
    expect(seen.html).not.toContain(token);
    expect(seen.text).not.toContain(token);
    expect(seen.values.join("\n")).not.toContain(token);
    expect(seen.local).not.toContain(token);
    expect(seen.url).not.toContain(token);
    expect(page.url()).not.toContain(token);
    expect(logged.join("\n")).not.toContain(token);
    // the samples show the server the reader chose and a placeholder for the token
    await expect(panel(page).locator('.tryit-samples pre[data-label="curl"]').innerText()).resolves.toContain(mock.url);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
