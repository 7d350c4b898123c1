// Drives the Try-it panel of a reference page: opens it on an operation, fills it, sends, reads the
// answer. Pages are watched: every request must be a GET of a file of the built site (the simulator
// answers in the page); anything else is refused and recorded.
import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "@repo/testkit/browser";
import { showOperation } from "./reference.js";
import { distDir, isLocal } from "./site.js";

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests that were not a GET of a file of dist/ (refused). */
  refused: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** A page whose only allowed requests are GETs of the built site's files (and, when given, `allow`'s). */
export async function watchedPage(browser: Browser, siteUrl: string, allow?: (url: string) => boolean): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const watched: WatchedPage = { context, page: await context.newPage(), refused: [], errors: [] };
  await context.route("**/*", (route) => {
    const request = route.request();
    const url = request.url();
    if (allow?.(url)) return route.continue();
    const { pathname } = new URL(url);
    const file = url.startsWith(siteUrl) && request.method() === "GET" && existsSync(`${distDir}${decodeURIComponent(pathname).replace(/^\//, "")}`);
    if (file || (isLocal(url) && !url.startsWith("http"))) return route.continue();
    watched.refused.push(`${request.method()} ${url}`);
    return route.abort();
  });
  watched.page.on("console", (message) => {
    if (message.type() === "error") watched.errors.push(message.text());
  });
  watched.page.on("pageerror", (error) => watched.errors.push(error.message));
  return watched;
}

export const panel = (page: Page) => page.locator("#tryit-panel");

/** Closes the panel (if open), shows the operation of `anchor`, clicks its `Try it`, and waits for the panel to show it. */
export async function openTryIt(page: Page, anchor: string, operationId: string): Promise<void> {
  if (await panel(page).isVisible()) await panel(page).getByRole("button", { name: "Close" }).click();
  await showOperation(page, anchor);
  await page.locator(`button.tryit-open[data-anchor="${anchor}"]`).click();
  await panel(page).locator(`.tryit-op[data-operation="${operationId}"]`).waitFor();
}

/** Sets a parameter's input (a select or a text input). */
export async function setParam(page: Page, name: string, value: string): Promise<void> {
  const input = panel(page).locator(`[data-param="${name}"]`);
  if ((await input.evaluate((element) => element.tagName)) === "SELECT") await input.selectOption(value);
  else await input.fill(value);
}

export interface ShownAnswer {
  status: number;
  body: string;
  /** The listed violations; null when the panel says nothing judged the exchange. */
  violations: string[] | null;
}

/** Clicks Send and reads the answer the panel shows. */
export async function send(page: Page): Promise<ShownAnswer> {
  const answer = panel(page).locator(".tryit-answer");
  await answer.evaluate((element) => element.replaceChildren());
  await panel(page).getByRole("button", { name: "Send" }).click();
  await answer.locator(".tryit-status, .tryit-error").first().waitFor();
  const error = answer.locator(".tryit-error");
  if (await error.count()) throw new Error(await error.innerText());
  const violations = answer.locator(".tryit-violations");
  return {
    status: Number(await answer.locator(".tryit-status").innerText()),
    body: await answer.locator(".tryit-body").innerText(),
    violations: (await violations.getAttribute("data-judged")) === "true" ? await violations.locator("li").allInnerTexts() : null,
  };
}
