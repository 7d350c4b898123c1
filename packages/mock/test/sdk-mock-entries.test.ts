// Every SDK's built `<api>/mock` entry, ESM and CJS: startMock() serves the package's own spec, its
// client() is that package's ApiClient, and `prefer` picks a scenario surfacing as the package's error.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listApis } from "../src/index.js";

const require = createRequire(import.meta.url);
const packageDir = (api: string) => fileURLToPath(new URL(`../../${api}/`, import.meta.url));

interface ModelOperation {
  operationId: string;
  method: string;
  parameters: Array<{ required: boolean }>;
  requestBody: unknown;
  responses: Record<string, unknown>;
}

/** A GET without required inputs, and one of its documented error statuses. */
function pickOperation(api: string) {
  const model = JSON.parse(readFileSync(`${packageDir(api)}generated/model.json`, "utf8")) as { operations: ModelOperation[] };
  const operation = model.operations.find((op) => op.method === "GET" && !op.requestBody && op.parameters.every((p) => !p.required));
  if (!operation) throw new Error(`${api} has no GET without required inputs`);
  const errorStatus = Number(Object.keys(operation.responses).find((status) => /^[45]\d\d$/.test(status) && status !== "401"));
  return { operationId: operation.operationId, errorStatus };
}

describe.each(listApis().flatMap((api) => [[api, "esm"] as const, [api, "cjs"] as const]))("%s/mock (%s)", (api, format) => {
  it("serves the shipped spec; client() is the package's ApiClient; prefer picks an error scenario", async () => {
    const dist = `${packageDir(api)}dist/`;
    const sdk = format === "esm" ? await import(`${dist}index.js`) : require(`${dist}index.cjs`);
    const { startMock } = format === "esm" ? await import(`${dist}mock.js`) : require(`${dist}mock.cjs`);
    const { operationId, errorStatus } = pickOperation(api);

    const mock = await startMock();
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = mock.client();
      expect(client).toBeInstanceOf(sdk.ApiClient);
      const { response } = await client.request(operationId);
      expect(response.ok).toBe(true);
      expect(response.headers.get("sl-violations")).toBeNull();

      const failure = await client.request(operationId, {}, { prefer: { code: errorStatus } }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(sdk.ApiError);
      expect((failure as { status: number }).status).toBe(errorStatus);
    } finally {
      await mock.stop();
    }
  });
});
