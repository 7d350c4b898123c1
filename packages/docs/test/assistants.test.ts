// The site for assistants: llms.txt at the root and <api>/index.md list exactly the model's operations,
// each with its SDK and CLI call as the (tested) samples have them, linked from the landing page.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownAnchor } from "../src/assistants.js";
import { apis, builtApi, sampleOf } from "./helpers/built.js";
import { distDir, serveSite, type ServedSite } from "./helpers/site.js";

let site: ServedSite;
let llms: string;

beforeAll(async () => {
  site = await serveSite();
  const response = await fetch(`${site.url}/llms.txt`);
  expect(response.status).toBe(200);
  llms = await response.text();
});

afterAll(() => site?.close());

describe.each(apis)("%s for assistants", (api) => {
  const built = builtApi(api);
  const operationIds = built.operations.map((op) => op.operationId).sort();
  const markdown = () => readFileSync(`${distDir}${api}/index.md`, "utf8");

  it("llms.txt links its Markdown page and exactly the model's operations, each to its anchor there", () => {
    expect(llms).toContain(`(${api}/index.md)`);
    const linked = [...llms.matchAll(new RegExp(`^- \\[([^\\]]+)\\]\\(${api}/index\\.md#([^)]+)\\)`, "gm"))];
    expect(linked.map((m) => m[1]).sort()).toEqual(operationIds);
    const anchors = new Set([...markdown().matchAll(/^<a id="([^"]+)"><\/a>$/gm)].map((m) => m[1]));
    for (const [, operationId, anchor] of linked) {
      expect(anchor).toBe(markdownAnchor(operationId!));
      expect(anchors.has(anchor), `${api}/index.md has no anchor ${anchor}`).toBe(true);
    }
  });

  it("index.md has a section for exactly the model's operations, with its method, path, SDK and CLI call", () => {
    const text = markdown();
    const sections = text.split(/^<a id="[^"]+"><\/a>$/m).slice(1);
    const headings = sections.map((section) => /^### `([^`]+)`/m.exec(section)?.[1]);
    expect([...headings].sort()).toEqual(operationIds);
    for (const op of built.operations) {
      const section = sections[headings.indexOf(op.operationId)]!;
      expect(section).toContain(`\`${op.method} ${op.path}\``);
      for (const parameter of op.parameters) expect(section).toContain(`| \`${parameter.name}\` | ${parameter.in} |`);
      expect(section).toContain(sampleOf(built, op.operationId, "TypeScript SDK").trim());
      expect(section).toContain(sampleOf(built, op.operationId, "CLI").trim());
    }
  });

  it("is linked from the landing page", () => {
    const landing = readFileSync(`${distDir}index.html`, "utf8");
    expect(landing).toContain(`href="./${api}/index.md"`);
    expect(landing).toContain('href="./llms.txt"');
  });
});
