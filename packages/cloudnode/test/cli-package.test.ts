// The bin as npm installs it: `npm pack` the package, unpack it into a fresh node_modules next to its
// runtime dependencies, and run it through the node_modules/.bin link, like `npx cloudnode`.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { binHarness, installPacked } from "@repo/runtime/cli/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const packageJson = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const token = "token_cliPackageSecret6Tt1";

describe("the installed cloudnode bin", () => {
  let install: ReturnType<typeof installPacked>;
  let cli: ReturnType<typeof binHarness>;
  beforeAll(() => {
    install = installPacked(packageDir, "cloudnode");
    cli = binHarness(install.bin, join(install.root, "config"));
  }, 60_000);
  afterAll(() => install.remove());

  it("runs an operation from the packed files alone", async () => {
    const result = await cli.run(["auth/check", "--base-url", inject("mockUrl"), "--token", token]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("authenticated");
  });

  it("--mock without Prism installed says what to install (exit 1, no stack trace)", async () => {
    const result = await cli.run(["auth/check", "--mock"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: --mock could not start the mock: .*\n[\s\S]*@stoplight\/prism-cli/);
    expect(result.stderr).not.toContain("bug");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(cli.transcript()).not.toContain(token);
  });
});

it("the bin says to build first when dist/cli.js is missing (exit 1, no stack trace)", async () => {
  const root = mkdtempSync(join(tmpdir(), "cloudnode-unbuilt-"));
  mkdirSync(join(root, "bin"));
  copyFileSync(join(packageDir, packageJson.bin.cloudnode), join(root, packageJson.bin.cloudnode));
  const result = await binHarness(join(root, packageJson.bin.cloudnode), join(root, "config")).run(["--help"]);
  rmSync(root, { recursive: true, force: true });
  expect(result.code).toBe(1);
  expect(result.stderr).toBe("cloudnode is not built yet: run `pnpm build` (dist/cli.js is missing).\n");
});
