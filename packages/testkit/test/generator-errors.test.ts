// Generator generality: the error shape is read from the spec's error schema for any field names:
// `x-error-fields` where the names say nothing (`id` as the code), else inference by common names,
// in a flat body, an envelope or a problem+json answer. Proven over HTTP against Prism.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorShape } from "@repo/model/build";
import { ApiError, BaseClient, NotFoundError, type ClientOptions } from "@repo/client";
import { startMockServer, type MockServer } from "@repo/mock-server";
import { generalityModel, generalityTable, writeFixture } from "./fixtures/generality.js";

type Json = Record<string, unknown>;
const object = (properties: Json, extra: Json = {}) => ({ type: "object", properties, ...extra });
const withError = (schema: Json, media = "application/json") => ({
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: { "/x": { get: { operationId: "x", responses: { 200: { description: "ok" }, 404: { description: "no", content: { [media]: { schema } } } } } } },
});

describe("the error shape", () => {
  it.each([
    ["x-error-fields on a flat body", object({ id: {}, detail: {}, errors: {} }, { "x-error-fields": { code: "id", message: "detail", details: "errors" } }), { path: [], code: "id", message: "detail", details: "errors" }],
    ["x-error-fields inside an envelope", object({ fault: object({ kind: {}, text: {} }, { "x-error-fields": { code: "kind", message: "text" } }) }), { path: ["fault"], code: "kind", message: "text", details: null }],
    ["x-error-fields naming some fields; the others inferred", object({ id: {}, message: {}, trace_id: {} }, { "x-error-fields": { code: "id" } }), { path: [], code: "id", message: "message", requestId: "trace_id" }],
    ["other common names", object({ error_code: {}, error_message: {}, violations: {} }), { path: [], code: "error_code", message: "error_message", details: "violations" }],
    ["an application/problem+json answer", object({ type: {}, title: {}, detail: {} }), { path: [], code: "type", message: "detail", title: "title" }, "application/problem+json"],
  ] as const)("%s", (_name, schema, expected, media: string = "application/json") => {
    expect(errorShape(withError(schema, media))).toMatchObject(expected);
  });

  it("the fixture's shape reaches the runtime's table", () => {
    expect(generalityModel().errorShape).toMatchObject({ path: [], code: "id", message: "detail", details: "errors" });
    expect(generalityTable().errorShape).toEqual({ code: "id", message: "detail", details: "errors" });
  });
});

describe("against Prism", () => {
  let mock: MockServer<BaseClient, ClientOptions>;
  beforeAll(async () => {
    mock = await startMockServer(writeFixture(), (url, options) => new BaseClient(generalityTable(), "tok", { maxRetries: 0, ...options, baseUrl: url }), { mode: "static" });
  });
  afterAll(() => mock?.stop());

  it.each(["reports.get", "reports.pdf"])("%s: the 404 is an ApiError with the spec's code, message and details", async (operationId) => {
    const error = (await mock.client().request(operationId, { id: "r_1" }, { prefer: { code: 404 } }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect([error.code, error.details]).toEqual(["not_found", [{ at: "id" }]]);
    expect(error.message).toBe("404 not_found: No such report. (id)");
  });
});
