import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dist = new URL("../dist/", import.meta.url);
const apis = readdirSync(new URL("../../../spec/", import.meta.url)).sort();

describe("built docs site", () => {
  it("links every API from the landing page", () => {
    const landing = readFileSync(new URL("index.html", dist), "utf8");
    for (const api of apis) expect(landing).toContain(`href="./${api}/index.html"`);
  });

  it.each(apis)("%s: reference page loads nothing from a CDN", (api) => {
    const page = new URL(`${api}/index.html`, dist);
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, "utf8");
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });
});
