// The MCP server's pieces on a small model made for the cases the real specs do not (yet) have: a body
// under `body`, a read-only body field, a PUT, names that need cleaning or clash. The real servers are
// tested over stdio against the mock in each SDK package (test/mcp.test.ts).
import { describe, expect, it } from "vitest";
import type { CliOperation as ModelOperation, ParamLocation } from "@repo/model";
import { fixtureOperation } from "@repo/model/fixtures";
import { ApiError } from "@repo/client";
import { annotationsOf, inputSchemaOf, toolName, toolNames, TOOL_NAME } from "../src/index.js";
import { errorResult, successResult } from "../src/result.js";
import { argumentProblems } from "../src/validate.js";

const op = (fields: Parameters<typeof fixtureOperation>[0]): ModelOperation => fixtureOperation({ namespace: null, name: fields.operationId, ...fields });

const idParam = { name: "id", in: "path" as ParamLocation, required: true, description: "The widget.", schema: { type: "string" } };

describe("tool names", () => {
  it.each([
    ["instances.list", "instances_list"],
    ["sshKeys.create", "sshKeys_create"],
    ["me", "me"],
    ["a.b.c", "a_b_c"],
    ["weird id!", "weird_id_"],
    ["x".repeat(80), "x".repeat(64)],
  ])("%s → %s", (operationId, name) => {
    expect(toolName(operationId)).toBe(name);
    expect(name).toMatch(TOOL_NAME);
  });

  it("two operations that would share a name are refused", () => {
    const operations = [op({ operationId: "a.b", method: "GET", path: "/1" }), op({ operationId: "a_b", method: "GET", path: "/2" })];
    expect(() => toolNames({ operations })).toThrow(/a\.b and a_b would both be the MCP tool a_b/);
  });
});

describe("annotations", () => {
  it.each([
    ["GET", undefined, { readOnlyHint: true, idempotentHint: true }],
    ["DELETE", undefined, { readOnlyHint: false, destructiveHint: true, idempotentHint: true }],
    ["PUT", undefined, { readOnlyHint: false, destructiveHint: true, idempotentHint: true }],
    ["PATCH", { role: "update" }, { readOnlyHint: false, destructiveHint: true, idempotentHint: false }],
    ["POST", { role: "create" }, { readOnlyHint: false, destructiveHint: false, idempotentHint: false }],
    ["POST", { role: "action", effect: { delete: true } }, { readOnlyHint: false, destructiveHint: true, idempotentHint: false }],
    ["POST", { role: "example" }, { readOnlyHint: false, destructiveHint: true, idempotentHint: false }],
  ] as const)("%s (%j) → %j", (method, mock, want) => {
    const hints = annotationsOf(op({ operationId: "w", method, path: "/w", ...(mock === undefined ? {} : { mock }) }));
    expect(hints).toEqual({ ...want, openWorldHint: true });
  });
});

describe("input schemas", () => {
  it("flat: parameters, then the body's writable fields, required only when the body is", () => {
    const schema = inputSchemaOf(
      op({
        operationId: "widgets.update",
        method: "PATCH",
        path: "/widgets/{id}",
        parameters: [idParam],
        bodyMode: "flat",
        requestBody: {
          required: true,
          schema: { type: "object", required: ["name"], properties: { name: { type: "string" }, id_seen: { type: "string", readOnly: true } } },
        },
      }),
    );
    expect(schema).toEqual({
      type: "object",
      properties: { id: { type: "string", description: "The widget." }, name: { type: "string" } },
      required: ["id", "name"],
      additionalProperties: false,
    });
  });

  it("body mode: the whole body under `body`; an optional body is not required", () => {
    const schema = inputSchemaOf(
      op({
        operationId: "widgets.replace",
        method: "PUT",
        path: "/widgets/{id}",
        parameters: [idParam],
        bodyMode: "body",
        requestBody: { required: false, schema: { type: "object", properties: { id: { type: "string" } } } },
      }),
    );
    expect(Object.keys(schema.properties)).toEqual(["id", "body"]);
    expect(schema.required).toEqual(["id"]);
    expect(schema.properties.body).toMatchObject({ type: "object", description: "The request body." });
  });

  it("a self-referencing branch ($ref) accepts anything: the schema stands alone", () => {
    const schema = inputSchemaOf(
      op({ operationId: "t", method: "POST", path: "/t", bodyMode: "flat", requestBody: { required: true, schema: { type: "object", properties: { child: { $ref: "#/components/schemas/T" } } } } }),
    );
    expect(schema.properties.child).toEqual({});
  });

  it("arguments are checked against it, each problem named by its argument", () => {
    const schema = inputSchemaOf(op({ operationId: "w.get", method: "GET", path: "/w/{id}", parameters: [idParam, { name: "n", in: "query" as ParamLocation, required: false, description: "", schema: { type: "integer", enum: [1, 2] } }] }));
    expect(argumentProblems(schema, { id: "x" })).toEqual([]);
    expect(argumentProblems(schema, { n: 3, other: true })).toEqual(["id: required", "other: not an argument of this tool", "n: must be one of 1, 2"]);
    expect(argumentProblems(schema, [])).toEqual(["the arguments must be a JSON object"]);
  });
});

describe("results", () => {
  const list = op({
    operationId: "widgets.list",
    method: "GET",
    path: "/widgets",
    parameters: [{ name: "page_size", in: "query", required: false, description: "", schema: { type: "integer", default: 10 } }],
    pagination: { page: "page", pageSize: "page_size", items: "widgets", meta: null },
  });
  const response = new Response(null, { status: 200 });
  const none = (text: string) => text;

  it.each([
    [{}, 25, ['next page: {"page":2}']],
    [{ page: 2 }, 25, ['next page: {"page":3}']],
    [{ page: 3 }, 25, []],
    [{ page_size: 25 }, 25, []],
    [{}, 10, []],
  ])("args %j, total %d → notes %j", (args, total, notes) => {
    const result = successResult(list, args, { widgets: [], total }, response, none);
    expect(result.content.slice(1).map((c) => c.text.replace(/ \(.*$/, ""))).toEqual(notes);
  });

  it("no body: the status says it is done", () => {
    expect(successResult(op({ operationId: "d", method: "DELETE", path: "/d" }), {}, undefined, new Response(null, { status: 204, statusText: "No Content" }), none).content[0]?.text).toBe("204 No Content (no content)");
  });

  it("an API error names status, code, message and request id; secrets are masked", () => {
    const body = { error: { code: "NOT_FOUND", message: "No widget w_1 for tok_secret9", request_id: "req_1" } };
    const error = new ApiError(404, { code: "NOT_FOUND", message: body.error.message, requestId: "req_1" }, body, new Response(null, { status: 404 }));
    const result = errorResult(error, (text) => text.replaceAll("tok_secret9", "****"), "W_TOKEN", "w");
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toBe("The API answered 404 NOT_FOUND: No widget w_1 for **** (request id req_1)");
    expect(JSON.parse(result.content[1]?.text ?? "")).toEqual({ error: { status: 404, code: "NOT_FOUND", message: "No widget w_1 for ****", request_id: "req_1" } });
  });
});
