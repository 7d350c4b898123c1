// The built `<api>/mock` entry, ESM and CJS: startMock() serves the package's own spec with the
// package's client, and `prefer` picks an error scenario; createMock() in process under node:test, and
// from an installed project under Bun and Deno (each runtime fetched from npm at a pinned version).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packAndInstall, type InstalledPackage } from "./pack.js";
import { probeOperation, type SdkPackage } from "./package.js";

/** The other runtimes `createMock()` is run under, as npm ships them (a binary inside a registry package). */
export const RUNTIMES = {
  bun: { version: "1.4.4", args: (file: string) => [file] },
  deno: { version: "2.9.6", args: (file: string) => ["run", "--allow-read", "--allow-env", "--allow-sys", file] },
} as const;

/**
 * The built `<api>/mock` entry, ESM and CJS: startMock() serves the package's own spec, its client() is
 * the package's ApiClient, and `prefer` picks one of the probe operation's documented error scenarios,
 * which surfaces as the package's ApiError.
 */
export function mockEntrySuite(pkg: SdkPackage): void {
  const require = createRequire(join(pkg.dir, "package.json"));
  const op = probeOperation(pkg);
  const errorStatus = Number(Object.keys(op.responses).find((status) => /^[45]\d\d$/.test(status) && status !== "401"));

  describe.each(["esm", "cjs"] as const)(`${pkg.name}/mock (%s)`, (format) => {
    it("serves the shipped spec; client() is the package's ApiClient; prefer picks an error scenario", async () => {
      const dist = join(pkg.dir, "dist");
      const sdk = format === "esm" ? await import(join(dist, "index.js")) : require(join(dist, "index.cjs"));
      const { startMock } = format === "esm" ? await import(join(dist, "mock.js")) : require(join(dist, "mock.cjs"));
      const mock = await startMock();
      try {
        expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const client = mock.client();
        expect(client).toBeInstanceOf(sdk.ApiClient);
        const { response } = await client.request(op.operationId, op.exampleParams);
        expect(response.ok).toBe(true);
        expect(response.headers.get("sl-violations")).toBeNull();
        if (!errorStatus) return; // the operation documents no error but 401: nothing to pick
        const failure = await client.request(op.operationId, op.exampleParams, { prefer: { code: errorStatus } }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(sdk.ApiError);
        expect((failure as { status: number }).status).toBe(errorStatus);
      } finally {
        await mock.stop();
      }
    });

    it("createMock() answers in process: client() is the package's ApiClient on mock.fetch, judged, nothing to stop", async () => {
      const dist = join(pkg.dir, "dist");
      const sdk = format === "esm" ? await import(join(dist, "index.js")) : require(join(dist, "index.cjs"));
      const { createMock } = format === "esm" ? await import(join(dist, "mock.js")) : require(join(dist, "mock.cjs"));
      const mock = await createMock();
      const client = mock.client();
      expect(client).toBeInstanceOf(sdk.ApiClient);
      const { response } = await client.request(op.operationId, op.exampleParams);
      expect(response.ok).toBe(true);
      expect(mock.requests).toEqual([expect.objectContaining({ operationId: op.operationId, status: response.status, violations: [] })]);
    });
  });

  it("createMock() under node:test: a test file run by `node --test` against the built entry passes", () => {
    const dir = mkdtempSync(join(tmpdir(), `${pkg.name}-node-test-`));
    try {
      const file = join(dir, "mock.test.mjs");
      writeFileSync(
        file,
        [
          'import { test } from "node:test";',
          'import assert from "node:assert/strict";',
          `import { createMock } from ${JSON.stringify(join(pkg.dir, "dist/mock.js"))};`,
          `test("${op.operationId} through createMock()", async () => {`,
          "  const mock = await createMock();",
          `  const { response } = await mock.client().request(${JSON.stringify(op.operationId)}, ${JSON.stringify(op.exampleParams)});`,
          "  assert.equal(response.ok, true);",
          "  assert.equal(mock.requests.length, 1);",
          "});",
        ].join("\n"),
      );
      const run = spawnSync(process.execPath, ["--test", "--test-reporter=tap", file], { encoding: "utf8", timeout: 60_000 });
      expect(run.stdout).toMatch(/^# pass 1$/m);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe(`${pkg.name}/mock installed in a project (npm, the packed tarball alone)`, () => {
    let installed: InstalledPackage;
    beforeAll(() => {
      installed = packAndInstall(pkg.dir);
    }, 180_000);
    afterAll(() => installed?.remove());

    it.each(Object.keys(RUNTIMES) as Array<keyof typeof RUNTIMES>)("createMock() answers in process under %s, judged", (runtime) => {
      const { version, args } = RUNTIMES[runtime];
      const calls = [
        `import { createMock } from "${pkg.name}/mock";`,
        "const mock = await createMock();",
        `const { response } = await mock.client().request(${JSON.stringify(op.operationId)}, ${JSON.stringify(op.exampleParams)});`,
        "console.log(JSON.stringify({ ok: response.ok, requests: mock.requests.map((r) => [r.operationId, r.violations]) }));",
      ].join("\n");
      writeFileSync(join(installed.dir, "runtime.mjs"), calls);
      // npx fetches the runtime from npm (once, then from its cache); a runtime that cannot be had fails the test
      const run = spawnSync("npx", ["--yes", `${runtime}@${version}`, ...args("runtime.mjs")], { cwd: installed.dir, encoding: "utf8", timeout: 170_000, env: { ...process.env, NO_COLOR: "1" } });
      expect(run.status, `${runtime}@${version}: ${run.stdout}${run.stderr}`).toBe(0);
      expect(JSON.parse(run.stdout.trim().split("\n").at(-1)!)).toEqual({ ok: true, requests: [[op.operationId, []]] });
    }, 180_000);
  });
}
