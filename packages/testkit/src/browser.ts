// Test helper (Node only): the headless Chromium of every test that drives a browser. It is the build
// @sparticuz/chromium ships in its npm package (no system browser, no download), driven by
// playwright-core; CHROMIUM_PATH points the tests at another Chromium instead.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import sparticuz from "@sparticuz/chromium";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

export type { Browser, BrowserContext, Locator, Page } from "playwright-core";

const require = createRequire(import.meta.url);
const packageEntry = require.resolve("@sparticuz/chromium"); // <package>/build/cjs/index.cjs
const { version } = JSON.parse(readFileSync(resolve(dirname(packageEntry), "../../package.json"), "utf8")) as { version: string };

/**
 * @sparticuz/chromium's flags are made for AWS Lambda. Left out: --single-process (closing a browser
 * context then closes the browser), --disable-web-security and --allow-running-insecure-content (the
 * SDK's cross-origin calls are under test), and its --disable-features/--enable-features, which would
 * replace Playwright's lists (those keep Chromium from calling Google at start) rather than add to them.
 */
const LEFT_OUT = /^--(single-process|disable-web-security|allow-running-insecure-content|disable-features=|enable-features=)/;
/** Flags of the bundled build: its own, minus the above. */
const bundledChromiumArgs: readonly string[] = sparticuz.args.filter((arg) => !LEFT_OUT.test(arg));
/** Flags for a Chromium named by CHROMIUM_PATH (a desktop build: no Lambda flags). */
const otherChromiumArgs = ["--no-sandbox", "--disable-gpu"];

let unpacked: Promise<string> | undefined;

/** The Chromium the tests launch: CHROMIUM_PATH, else @sparticuz/chromium's build, unpacked on first use. */
export function chromiumExecutable(): Promise<string> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) return Promise.reject(new Error(`CHROMIUM_PATH=${override}: no such file (unset it to use the Chromium of @sparticuz/chromium).`));
    return Promise.resolve(override);
  }
  unpacked ??= unpackBundled().catch((error: unknown) => {
    unpacked = undefined;
    throw error;
  });
  return unpacked;
}

/**
 * chromium.executablePath() inflates the browser into os.tmpdir() and takes any file already there as
 * done, so a process launching while another still writes it (two test files at once), or after one was
 * killed half-way, would get a truncated binary. So it runs in a child whose TMPDIR is a private folder,
 * which is then renamed whole to one folder per version: whoever renames first wins, the others reuse it.
 */
async function unpackBundled(): Promise<string> {
  // the machine's temp folder, not the test run's own (scratch-tmp.mjs): unpacked once, kept across runs
  const dir = join(process.env.TESTS_SHARED_TMPDIR || tmpdir(), `sparticuz-chromium-${version}`);
  const executable = join(dir, "chromium");
  if (existsSync(executable)) return executable;
  const staging = mkdtempSync(`${dir}.partial-`);
  try {
    const script = `require(${JSON.stringify(packageEntry)}).executablePath().then((path) => process.stdout.write(path))`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { env: { ...process.env, TMPDIR: staging }, encoding: "utf8" });
    if (stdout !== join(staging, "chromium")) throw new Error(`@sparticuz/chromium unpacked to ${stdout}, not into ${staging}`);
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(executable)) throw error; // else another process was first
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return executable;
}

/** Headless Chromium through playwright-core (see chromiumExecutable for which one). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = await chromiumExecutable();
  const args = process.env.CHROMIUM_PATH ? otherChromiumArgs : bundledChromiumArgs;
  return chromium.launch({ ...options, executablePath, headless: true, args: [...args, ...(options.args ?? [])] });
}
