// The bin as npm installs it: `npm pack` the package, unpack it into a fresh node_modules next to its
// one runtime dependency, and run it through the node_modules/.bin link, like `npx cloudnexus`.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { binHarness } from "@repo/runtime/cli/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const packageJson = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const token = "cn_test_cliPackageSecret6Tt1";

describe("the installed cloudnexus bin", () => {
  const root = mkdtempSync(join(tmpdir(), "cloudnexus-install-"));
  const link = join(root, "node_modules", ".bin", "cloudnexus");
  const cli = binHarness(link, join(root, "config"));

  beforeAll(() => {
    const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", root], { cwd: packageDir, encoding: "utf8" }).trim();
    const installed = join(root, "node_modules", packageJson.name);
    mkdirSync(installed, { recursive: true });
    execFileSync("tar", ["-xzf", join(root, tarball), "-C", installed, "--strip-components=1"]);
    // the runtime dependencies the registry would install next to it
    const require = createRequire(join(packageDir, "package.json"));
    for (const dependency of Object.keys(packageJson.dependencies ?? {})) {
      const target = dirname(require.resolve(`${dependency}/package.json`));
      mkdirSync(dirname(join(root, "node_modules", dependency)), { recursive: true });
      symlinkSync(target, join(root, "node_modules", dependency), "dir");
    }
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join("..", packageJson.name, packageJson.bin.cloudnexus), link);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("runs an operation from the packed files alone", async () => {
    const result = await cli.run(["me", "--base-url", inject("mockUrl"), "--token", token]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("id");
  });

  it("--mock without Prism installed says what to install (exit 1, no stack trace)", async () => {
    const result = await cli.run(["me", "--mock"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: --mock could not start the mock: .*\n[\s\S]*@stoplight\/prism-cli/);
    expect(result.stderr).not.toContain("bug");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(cli.transcript()).not.toContain(token);
  });
});

it("the bin says to build first when dist/cli.js is missing (exit 1, no stack trace)", async () => {
  const root = mkdtempSync(join(tmpdir(), "cloudnexus-unbuilt-"));
  mkdirSync(join(root, "bin"));
  copyFileSync(join(packageDir, packageJson.bin.cloudnexus), join(root, packageJson.bin.cloudnexus));
  const result = await binHarness(join(root, packageJson.bin.cloudnexus), join(root, "config")).run(["--help"]);
  rmSync(root, { recursive: true, force: true });
  expect(result.code).toBe(1);
  expect(result.stderr).toBe("cloudnexus is not built yet: run `pnpm build` (dist/cli.js is missing).\n");
});
