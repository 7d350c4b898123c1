// ARCHITECTURE.md stays true: every repository path it names exists (with `<api>` read as each API).
// Generated paths (generated/, dist/) exist after `pnpm build`, which the test task depends on.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../../", import.meta.url);
const text = readFileSync(new URL("ARCHITECTURE.md", root), "utf8");
const apis = readdirSync(new URL("spec/", root)).filter((name) => existsSync(new URL(`spec/${name}/openapi.yaml`, root)));

/** Backticked or drawn names that start at a top-level folder of the repository. */
const named = [...new Set(text.match(/\b(?:spec|scripts|packages)\/[A-Za-z0-9_<>./-]+/g) ?? [])]
  .map((path) => path.replace(/[.,)]+$/, ""))
  .sort();

describe("ARCHITECTURE.md", () => {
  it("names the paths of the pipeline", () => {
    expect(named).toEqual(expect.arrayContaining(["packages/model/src/build/build-model.ts", "scripts/generate-sdk.mjs", "packages/client"]));
  });

  it("maps every package of the house (each folder of packages/ but the APIs' own)", () => {
    const houses = readdirSync(new URL("packages/", root)).filter((name) => !apis.includes(name) && existsSync(new URL(`packages/${name}/package.json`, root)));
    for (const name of houses) expect(text, `packages/${name} is missing from ARCHITECTURE.md's table`).toMatch(new RegExp(`\\| \`packages/${name}\` \\|`));
  });

  it.each(named)("%s exists", (path) => {
    const expanded = path.includes("<api>") ? apis.map((api) => path.replaceAll("<api>", api)) : [path];
    for (const candidate of expanded) expect(existsSync(new URL(candidate, root)), candidate).toBe(true);
  });
});
