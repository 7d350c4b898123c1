// The method types computed from openapi-typescript's `operations` and the operation table, on
// fixture operations covering shapes the real specs lack (a body under `body`, an optional body,
// a required header, a 204, a cookie parameter).
import { expectTypeOf, test } from "vitest";
import type { ApiPromise, ClientMethods, OperationParams, OperationResult, RequestOptions } from "../src/index.js";

type Item = { id: string; name: string };
interface operations {
  "items.rename": {
    parameters: { query?: never; header?: never; path: { id: string; name: string }; cookie?: never };
    requestBody: { content: { "application/json": { name: string; note?: string } } };
    responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": Item } }; 404: { content: { "application/json": { code: string } } } };
  };
  "items.touch": {
    parameters: { query?: { dry_run?: boolean }; header: { "X-Trace": string; "Idempotency-Key"?: string }; path: { id: string }; cookie?: never };
    requestBody?: { content: { "application/json": { at?: string } } };
    responses: { 204: { headers: { [name: string]: unknown }; content?: never } };
  };
  ping: {
    parameters: { query?: never; header?: never; path?: never; cookie?: { sid?: string } };
    requestBody?: never;
    responses: { 200: { content: { "application/json": { ok: boolean } } }; 201: { content: { "application/json": { created: true } } } };
  };
}
const table = {
  "items.rename": { method: "PATCH", path: "/items/{id}/{name}", params: { id: "path", name: "path" }, body: "body", json: true },
  "items.touch": {
    method: "POST",
    path: "/items/{id}/touch",
    params: { id: "path", dry_run: "query", "X-Trace": "header", "Idempotency-Key": "header" },
    body: "flat",
    idempotencyHeader: "Idempotency-Key",
  },
  ping: { method: "GET", path: "/ping", params: { sid: "cookie" }, json: true },
} as const;
type Client = ClientMethods<operations, typeof table>;
declare const client: Client;

test("a name clash puts the body under `body`", () => {
  expectTypeOf<OperationParams<operations["items.rename"], (typeof table)["items.rename"]>>().toEqualTypeOf<{
    id: string;
    name: string;
    body: { name: string; note?: string };
  }>();
  // @ts-expect-error the body is required
  void client.items.rename({ id: "a", name: "b" });
});

test("an optional flat body makes its fields optional; required headers stay required", () => {
  void client.items.touch({ id: "a", "X-Trace": "t" });
  void client.items.touch({ id: "a", "X-Trace": "t", at: "now", dry_run: true });
  // @ts-expect-error the required header X-Trace is missing
  void client.items.touch({ id: "a" });
});

test("results: the 2xx JSON body, a union when several, undefined for 204", () => {
  expectTypeOf(client.items.rename).returns.toEqualTypeOf<ApiPromise<Item>>();
  expectTypeOf<OperationResult<operations["ping"]>>().toEqualTypeOf<{ ok: boolean } | { created: true }>();
  expectTypeOf(client.items.touch).returns.toEqualTypeOf<ApiPromise<undefined>>();
});

test("an operationId without a dot is a top-level method; cookie params are params", () => {
  void client.ping();
  void client.ping({ sid: "s" }, { timeout: 1 } satisfies RequestOptions);
  // @ts-expect-error no such param
  void client.ping({ nope: 1 });
  // @ts-expect-error lists only: ping is not paginated
  void client.ping.all;
});
