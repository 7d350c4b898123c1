// The built `<api>/mock` entry, ESM and CJS: startMock() serves the package's own spec with the
// package's client, and `prefer` picks an error scenario.
import { createRequire } from "node:module";
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
  });
}
