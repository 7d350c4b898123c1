// The built `<api>/mock` entry, ESM and CJS: startMock() serves the package's own spec with the
// package's client, and `prefer` picks an error scenario.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { probeOperation, type SdkPackage } from "./package.js";

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
}
