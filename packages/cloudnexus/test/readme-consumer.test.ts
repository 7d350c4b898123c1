// What a user does: pack the SDK, run the README's one install line (the SDK, vitest and MSW; no Prism,
// no overrides) with plain npm in a project outside the workspace, the SDK being the tarball, write the
// README's "Use the mock in your tests" blocks into it as they are, run them with vitest, and check that
// nothing of the project is left running afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pnpm } from "@repo/model/build";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const sdkDir = join(repoRoot, "packages", "cloudnexus");
const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const vitestVersion: string = rootManifest.devDependencies.vitest;

/** The README section "Use the mock in your tests". */
function readmeSection(): string {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Use the mock in your tests"));
  if (!section) throw new Error('README.md has no "## Use the mock in your tests" section');
  return section;
}

/** The `ts title="<file>"` blocks of the section. */
function readmeExample(): Array<{ file: string; code: string }> {
  return [...readmeSection().matchAll(/^```ts title="([^"]+)"\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1] ?? "", code: m[2] ?? "" }));
}

/** The section's one `sh` block: a single `npm install` line; its arguments. */
function readmeInstall(): string[] {
  const blocks = [...readmeSection().matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!.trim());
  expect(blocks, "one sh block of one line").toEqual([expect.stringMatching(/^npm install [^\n]+$/)]);
  return blocks[0]!.split(/\s+/).slice(2);
}

/** Processes whose command line mentions `dir` (Prism runs from the project's node_modules). */
function processesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const state = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "")[0];
      if (cmdline.includes(dir) && state !== "Z") found.push(`${pid} ${cmdline}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

describe("a project outside the workspace uses cloudnexus/mock", () => {
  const project = mkdtempSync(join(tmpdir(), "cloudnexus-consumer-"));
  const example = readmeExample();
  let run: { status: number | null; output: string };

  beforeAll(() => {
    const tarball = execFileSync(...pnpm("pack", "--pack-destination", project), { cwd: sdkDir, encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1)!;
    // the README's line as written, but the SDK is the tarball and vitest the version this repository tests with
    const install = readmeInstall().map((arg) => (arg === "cloudnexus" ? `cloudnexus@file:${tarball}` : arg === "vitest" ? `vitest@${vitestVersion}` : arg));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", scripts: { test: "vitest run" } }, null, 2));
    const installed = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...install], { cwd: project, encoding: "utf8" });
    if (installed.status !== 0) throw new Error(`npm install failed:\n${installed.stdout}\n${installed.stderr}`);
    for (const { file, code } of example) {
      mkdirSync(dirname(join(project, file)), { recursive: true });
      writeFileSync(join(project, file), code);
    }
    const result = spawnSync("npx", ["vitest", "run", "--reporter=verbose"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CI: "1" },
    });
    run = { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
  }, 600_000);

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("the README section has the test, the global setup and its config", () => {
    expect(example.map((block) => block.file)).toEqual(["test/in-process.test.ts", "test/msw.test.ts", "test/instances.test.ts", "vitest.config.ts", "test/global-setup.ts", "test/account.test.ts"]);
  });

  it("installs from the tarball only what a user gets", () => {
    const installed = JSON.parse(readFileSync(join(project, "node_modules", "cloudnexus", "package.json"), "utf8"));
    expect(installed.exports["./mock"]).toBeDefined();
    expect(readdirSync(join(project, "node_modules", "cloudnexus", "generated"))).toEqual(["model.json", "openapi.json"]);
    // Prism's judge came inside the SDK: npm installed no Prism package and the project has no overrides
    expect(existsSync(join(project, "node_modules", "@stoplight"))).toBe(false);
    expect(JSON.parse(readFileSync(join(project, "package.json"), "utf8")).overrides).toBeUndefined();
  });

  it("runs the README example: in process (manual clock, a 503 burst), MSW, a stateful flow over HTTP, an error scenario, and a mock shared by a global setup", () => {
    expect(run.output).toMatch(/✓ test\/in-process\.test\.ts > creates, waits for, lists and deletes an instance: no server, no sleep/);
    expect(run.output).toMatch(/✓ test\/msw\.test\.ts > answers the API's real base URL from the simulator/);
    expect(run.output).toMatch(/✓ test\/instances\.test\.ts > creates, finds, renames, reboots and deletes an instance/);
    expect(run.output).toMatch(/✓ test\/instances\.test\.ts > surfaces a 429 from instances\.create as a RateLimitError/);
    expect(run.output).toMatch(/✓ test\/account\.test\.ts > reads the account from the shared mock/);
    expect(run.output).toMatch(/Tests +5 passed \(5\)/);
    expect(run.status).toBe(0);
  });

  it("leaves no process of the project running", () => {
    expect(processesUnder(project)).toEqual([]);
  });
});
