// The tests' Chromium (src/browser.ts): unpacked from @sparticuz/chromium on first use, safely
// when several test processes launch at once; CHROMIUM_PATH naming nothing is one clear line.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { chromiumExecutable } from "../src/browser.js";
import { run } from "../src/run-program.js";

const override = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (override === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = override;
});

it("two processes launching at once where it was never unpacked both get a working browser, and one copy stays", async () => {
  const tmp = mkdtempSync(join(tmpdir(), "browser-test-"));
  try {
    const launch = () => run(process.execPath, ["--import", "tsx", fileURLToPath(new URL("fixtures/launch-browser.ts", import.meta.url))], { TMPDIR: tmp, CHROMIUM_PATH: "" });
    for (const result of await Promise.all([launch(), launch()])) {
      expect(result.stderr).toBe("");
      expect(result).toMatchObject({ code: 0, stdout: "rendered" });
    }
    expect(readdirSync(tmp).filter((name) => name.startsWith("sparticuz-chromium-"))).toEqual([expect.stringMatching(/^sparticuz-chromium-[\d.]+$/)]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}, 120_000);

it("CHROMIUM_PATH wins, and one that names no file is a one-line error", async () => {
  process.env.CHROMIUM_PATH = process.execPath; // any file: launching is not tried here
  await expect(chromiumExecutable()).resolves.toBe(process.execPath);
  process.env.CHROMIUM_PATH = "/nowhere/chromium";
  await expect(chromiumExecutable()).rejects.toThrow(/^CHROMIUM_PATH=\/nowhere\/chromium: no such file \(unset it to use the Chromium of @sparticuz\/chromium\)\.$/);
});
