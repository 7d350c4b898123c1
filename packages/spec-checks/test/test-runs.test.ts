// How every package's test run treats the machine (scripts/config/scratch-tmp.mjs): its temporary files,
// and those of the programs it starts, go into one folder of its own, removed when the run ends.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/repo.js";

const scratchSetup = join(repoRoot, "scripts/config/scratch-tmp.mjs");
const packagesDir = join(repoRoot, "packages");
const tested = readdirSync(packagesDir).filter((dir) => existsSync(join(packagesDir, dir, "test")));

describe("a test run's temporary files", () => {
  it("every package with tests runs the scratch-tmp set-up (its vitest config's globalSetup)", async () => {
    expect(tested.length).toBeGreaterThan(5);
    for (const dir of tested) {
      const file = join(packagesDir, dir, "vitest.config.ts");
      expect(existsSync(file), `${dir} has no vitest.config.ts`).toBe(true);
      const config = (await import(pathToFileURL(file).href)).default as { test?: { globalSetup?: string | string[] } };
      const setups = [config.test?.globalSetup ?? []].flat().map((setup) => join(packagesDir, dir, setup));
      expect(setups, dir).toContain(scratchSetup);
    }
  });

  it("this run's temp folder is a new one inside the machine's, which stays known for what outlives a run", () => {
    const shared = process.env.TESTS_SHARED_TMPDIR!;
    expect(shared).toBeTruthy();
    expect(tmpdir()).not.toBe(shared);
    expect(tmpdir().startsWith(join(shared, "tests-"))).toBe(true);
  });

  it("the set-up makes the folder, points TMPDIR at it, then removes it with what it holds and puts TMPDIR back", async () => {
    const { default: setup } = (await import(pathToFileURL(scratchSetup).href)) as { default: () => () => void };
    const before = process.env.TMPDIR;
    const teardown = setup();
    const dir = tmpdir();
    try {
      expect(dir).not.toBe(before);
      expect(existsSync(dir)).toBe(true);
      writeFileSync(join(dir, "left-behind.txt"), "a test's file");
    } finally {
      teardown();
    }
    expect(existsSync(dir)).toBe(false);
    expect(process.env.TMPDIR).toBe(before);
  });
});
