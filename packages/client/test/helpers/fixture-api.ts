// A small operation table in the generated format, for runtime tests that need an operation the
// real specs lack (a POST that declares no Idempotency-Key, a flat error body, …).
import { BaseClient, type OperationTable, type ClientOptions } from "../../src/index.js";

export const fixtureApi = {
  name: "fixture",
  baseUrl: "https://api.fixture.test/v1",
  env: { token: "FIXTURE_TOKEN", baseUrl: "FIXTURE_BASE_URL" },
  auth: {
    schemes: { bearerAuth: { in: "header", name: "Authorization", prefix: "Bearer" }, sessionCookie: { in: "cookie", name: "session" } },
    token: ["bearerAuth"],
    session: "sessionCookie",
    security: ["bearerAuth", "sessionCookie"],
  },
  errorShape: { path: ["error"], code: "code", message: "message", details: "details", requestId: "request_id", requestIdHeader: "X-Request-Id" },
  operations: {
    "items.list": {
      method: "GET",
      path: "/items",
      params: { status: "query", page: "query", page_size: "query" },
      json: true,
      pagination: { page: "page", pageSize: "page_size", items: "items", meta: "meta" },
    },
    "items.get": { method: "GET", path: "/items/{id}", params: { id: "path" }, json: true },
    "items.create": { method: "POST", path: "/items", body: "flat", json: true },
    "items.launch": {
      method: "POST",
      path: "/items/{id}/launch",
      params: { id: "path", "Idempotency-Key": "header" },
      body: "body",
      json: true,
      idempotencyHeader: "Idempotency-Key",
    },
    "items.delete": { method: "DELETE", path: "/items/{id}", params: { id: "path" } },
    "files.upload": { method: "POST", path: "/files", body: "body", contentType: "multipart/form-data", json: true },
    "forms.submit": { method: "POST", path: "/forms", body: "body", contentType: "application/x-www-form-urlencoded", json: true },
    "notes.put": { method: "PUT", path: "/notes", body: "body", contentType: "text/plain", json: true },
  },
} as const satisfies OperationTable;

export const fixtureClient = (token: string | undefined, options: ClientOptions) => new BaseClient(fixtureApi, token, options);
