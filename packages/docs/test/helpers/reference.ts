// Drives one Redoc reference page: opens every tag of the sidebar, then visits every operation it
// lists. Redoc 3 renders lazily, so an operation counts as rendered once its section is in the DOM.
import type { Locator, Page } from "@repo/testkit/browser";

export interface RenderedOperation {
  /** Redoc's anchor: `<tag>/<operationId in lower case>`. */
  anchor: string;
  /** The text of the code sample panel shown next to the operation. */
  sampleText: string;
  /** The labels of the code sample languages the panel offers. */
  sampleLabels: string[];
}

/** The anchors of every operation in the sidebar, opening every tag group. */
export async function operationAnchors(page: Page): Promise<string[]> {
  const menu = page.locator('[data-component-name="Menu/Menu"]').first();
  await menu.waitFor();
  const tagLinks = await menu.locator("a[href]").evaluateAll((links) =>
    links.map((a) => a.getAttribute("href") ?? "").filter((href) => /^\/[^/]+$/.test(href) && !href.startsWith("/section")),
  );
  // Opening a group closes the others, so the operations are collected group by group.
  const anchors = new Set<string>();
  for (const href of tagLinks) {
    await menu.locator(`a[href="${href}"]`).first().click();
    await menu.locator(`a[href^="#${href}/"]`).first().waitFor();
    const hrefs = await menu.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const link of hrefs) if (/^#\/[^/]+\/[^/]+$/.test(link)) anchors.add(link.slice(2));
  }
  return [...anchors];
}

/** Navigates to one operation and waits until its section and its code sample are rendered. */
export async function showOperation(page: Page, anchor: string): Promise<{ section: Locator; sampleText: string }> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/${anchor}`);
  const section = page.locator(`[id="${anchor}"]`);
  await section.waitFor();
  // The samples panel is the code block that starts with the curl command (the first tab).
  const codeBlock = section.locator('[data-component-name="CodeBlock/CodeBlock"]', { hasText: "curl" }).first();
  await codeBlock.waitFor();
  // the block may be mounted before its highlighted text is: wait for the text
  await page.waitForFunction((element) => (element as HTMLElement | null)?.innerText.trim() !== "", await codeBlock.elementHandle());
  return { section, sampleText: await codeBlock.innerText() };
}

/** Navigates to one operation and reads its code sample panel: the curl text and every tab's label. */
export async function visitOperation(page: Page, anchor: string): Promise<RenderedOperation> {
  const { section, sampleText } = await showOperation(page, anchor);
  const dropdown = section.locator('[data-component-name="Dropdown/Dropdown"]', { hasText: /^curl$/ }).first();
  await dropdown.click();
  // the open menu is rendered outside the section (a portal): the visible items are this one's
  const items = page.locator('[data-component-name="Dropdown/DropdownMenuItem"]:visible');
  await items.first().waitFor();
  const sampleLabels = (await items.allInnerTexts()).map((text) => text.trim());
  await page.keyboard.press("Escape");
  return { anchor, sampleText, sampleLabels };
}
