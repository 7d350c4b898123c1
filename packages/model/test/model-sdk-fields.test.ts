// The model fields the SDK runtime reads (src/build/build-model.ts): body mode, pagination, idempotency
// header, error shape, auth and example params, as tables of small specs. The real specs exercise
// some shapes only (no name clash, no flat error body on CloudNexus…), so each rule is pinned here.
import { describe, expect, it } from "vitest";
import { authOf, buildModel, operationTable } from "../src/build/index.js";

type Json = Record<string, unknown>;
const json = (schema: Json) => ({ content: { "application/json": { schema } } });
const object = (properties: Json, extra: Json = {}) => ({ type: "object", properties, ...extra });
const doc = (paths: Json, components: Json = {}) => ({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths, components });
const onlyOperation = (d: Json) => buildModel("t", d, { specHash: "x" }).operations[0]!;

const listResponse = (items: string, meta: Json | null) =>
  json(object({ [items]: { type: "array", items: object({ id: { type: "string" } }) }, ...(meta ? { meta } : {}) }));
const pageParams = [
  { name: "page", in: "query", schema: { type: "integer" } },
  { name: "page_size", in: "query", schema: { type: "integer" } },
];

describe("bodyMode", () => {
  it.each([
    ["a JSON object body → flat", [], json(object({ name: { type: "string" } })), "flat"],
    ["a body field named like a parameter → body", [{ name: "name", in: "query", schema: {} }], json(object({ name: {} })), "body"],
    ["a body field named body → body", [], json(object({ body: {} })), "body"],
    ["an array body → body", [], json({ type: "array", items: {} }), "body"],
    ["a non-JSON body → body", [], { content: { "text/plain": { schema: { type: "string" } } } }, "body"],
    ["allOf objects → flat", [], json({ allOf: [object({ a: {} }), object({ b: {} })] }), "flat"],
  ] as const)("%s", (_name, parameters, requestBody, mode) => {
    const op = onlyOperation(doc({ "/x": { post: { operationId: "x.create", parameters, requestBody, responses: { 201: json(object({})) } } } }));
    expect(op.bodyMode).toBe(mode);
  });

  it("a non-JSON body's media type reaches the runtime's table; a JSON one does not", () => {
    const model = buildModel("t", doc({
      "/a": { post: { operationId: "a", requestBody: { content: { "multipart/form-data": { schema: object({ file: {} }) } } }, responses: { 201: json(object({})) } } },
      "/b": { post: { operationId: "b", requestBody: json(object({ x: {} })), responses: { 201: json(object({})) } } },
    }), { specHash: "x" });
    const table = operationTable(model).operations;
    expect([table.a!.contentType, table.b!.contentType]).toEqual(["multipart/form-data", undefined]);
  });

  it("no body → null", () => {
    expect(onlyOperation(doc({ "/x": { get: { operationId: "x.get", responses: { 200: json(object({})) } } } })).bodyMode).toBeNull();
  });
});

describe("pagination", () => {
  const meta = object({ total: { type: "integer" }, page: {}, page_size: {} });
  it.each([
    ["page + page_size + meta.total", pageParams, listResponse("items", meta), { page: "page", pageSize: "page_size", items: "items", meta: "meta" }],
    ["total at the top of the body", pageParams, json(object({ items: { type: "array" }, total: { type: "integer" } })), { page: "page", pageSize: "page_size", items: "items", meta: null }],
    ["no page-size parameter", pageParams.slice(0, 1), listResponse("items", meta), null],
    ["no total anywhere", pageParams, listResponse("items", null), null],
    ["two arrays (which one are the items?)", pageParams, json(object({ a: { type: "array" }, b: { type: "array" }, total: {} })), null],
  ] as const)("%s", (_name, parameters, response, expected) => {
    const op = onlyOperation(doc({ "/x": { get: { operationId: "x.list", parameters, responses: { 200: response } } } }));
    expect(op.pagination).toEqual(expected);
  });
});

describe("errorShape", () => {
  const withErrors = (schema: Json, headers: Json = {}) =>
    doc({ "/x": { get: { operationId: "x", responses: { 200: json(object({})), 404: { ...json(schema), headers }, 500: json(schema) } } } });
  it.each([
    ["a flat body (Cloudnode)", object({ code: {}, title: {}, message: {} }), { "X-Response-Id": {} }, { path: [], code: "code", message: "message", title: "title", details: null, requestId: null, requestIdHeader: "X-Response-Id" }],
    ["an envelope (CloudNexus)", object({ error: object({ code: {}, message: {}, details: {}, request_id: {} }) }), { "X-Request-Id": {} }, { path: ["error"], code: "code", message: "message", title: null, details: "details", requestId: "request_id", requestIdHeader: "X-Request-Id" }],
    ["problem+json-like names", object({ type: {}, title: {}, detail: {}, errors: {} }), {}, { path: [], code: "type", message: "detail", title: "title", details: "errors", requestId: null, requestIdHeader: null }],
  ] as const)("%s", (_name, schema, headers, shape) => {
    expect(buildModel("t", withErrors(schema, headers), { specHash: "x" }).errorShape).toEqual(shape);
  });
});

describe("auth, env, idempotency and example params", () => {
  const spec = doc(
    {
      "/things/{id}/launch": {
        post: {
          operationId: "things.launch",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", examples: ["th_1"] } },
            { name: "Idempotency-Key", in: "header", required: true, schema: { type: "string" } },
            { name: "dry_run", in: "query", schema: { type: "boolean" } },
          ],
          requestBody: { content: { "application/json": { schema: object({ at: {} }), examples: { now: { value: { at: "now" } } } } } },
          responses: { 202: json(object({})) },
        },
      },
    },
    {
      securitySchemes: {
        key: { type: "apiKey", in: "header", name: "X-Api-Key" },
        session: { type: "apiKey", in: "cookie", name: "sid" },
      },
    },
  );
  const model = buildModel("my-api", spec, { specHash: "x" });

  it("reads how credentials travel and names the environment variables", () => {
    expect(model.auth).toEqual({
      schemes: { key: { in: "header", name: "X-Api-Key" }, session: { in: "cookie", name: "sid" } },
      token: ["key"],
      session: "session",
      cookie: "sid",
      security: [],
    });
    expect(model.env).toEqual({ token: "MY_API_TOKEN", baseUrl: "MY_API_BASE_URL" });
  });

  it("finds the Idempotency-Key header and leaves it out of the example params", () => {
    expect(model.operations[0]!.idempotencyHeader).toBe("Idempotency-Key");
    expect(model.operations[0]!.exampleParams).toEqual({ id: "th_1", at: "now" });
  });

  it("projects the compact table the runtime reads", () => {
    expect(operationTable(model).operations["things.launch"]).toEqual({
      method: "POST",
      path: "/things/{id}/launch",
      params: { id: "path", "Idempotency-Key": "header", dry_run: "query" },
      body: "flat",
      json: true,
      idempotencyHeader: "Idempotency-Key",
    });
  });
});

describe("auth: where each kind of security scheme carries its credential", () => {
  it.each([
    ["HTTP bearer", { type: "http", scheme: "bearer" }, { in: "header", name: "Authorization", prefix: "Bearer" }],
    ["HTTP bearer, any case", { type: "http", scheme: "Bearer" }, { in: "header", name: "Authorization", prefix: "Bearer" }],
    ["HTTP basic (user:password, base64)", { type: "http", scheme: "basic" }, { in: "header", name: "Authorization", prefix: "Basic" }],
    ["an API key in a header", { type: "apiKey", in: "header", name: "api_key" }, { in: "header", name: "api_key" }],
    ["an API key in the query", { type: "apiKey", in: "query", name: "key" }, { in: "query", name: "key" }],
    ["an API key in a cookie (the only scheme: the token)", { type: "apiKey", in: "cookie", name: "sid" }, { in: "cookie", name: "sid" }],
    ["OAuth2: the access token, as a bearer token", { type: "oauth2", flows: {} }, { in: "header", name: "Authorization", prefix: "Bearer" }],
    ["OpenID Connect: the access token, as a bearer token", { type: "openIdConnect", openIdConnectUrl: "https://id.test" }, { in: "header", name: "Authorization", prefix: "Bearer" }],
  ] as const)("%s", (_name, scheme, placement) => {
    expect(authOf({ s: scheme }, ["s"])).toEqual({ schemes: { s: placement }, token: ["s"], session: null, cookie: null, security: ["s"] });
  });

  it("a cookie key is a session only where it is an alternative to another scheme; required alone, the token fills it", () => {
    const schemes = { bearer: { type: "http", scheme: "bearer" }, sid: { type: "apiKey", in: "cookie", name: "sid" } };
    // Cloudnode: a bearer token or a session cookie, on every operation
    expect(authOf(schemes, ["bearer", "sid"], [["bearer", "sid"]])).toMatchObject({ token: ["bearer"], session: "sid", cookie: "sid" });
    // an operation that takes the cookie key alone: it is the API's key, and the token fills it
    expect(authOf(schemes, [], [["bearer"], ["sid"]])).toMatchObject({ token: ["bearer", "sid"], session: null, cookie: null });
  });

  it("leaves out a scheme no client can fill from a token (HTTP digest, mutual TLS)", () => {
    expect(authOf({ d: { type: "http", scheme: "digest" }, m: { type: "mutualTLS" } }).schemes).toEqual({});
  });

  it("an operation's own security reaches the table only when it differs from the API's ([]: anonymous)", () => {
    const ok200 = { 200: json(object({})) };
    const model = buildModel("t", {
      ...doc({
        "/a": { get: { operationId: "a", responses: ok200 } },
        "/b": { get: { operationId: "b", security: [], responses: ok200 } },
        "/c": { get: { operationId: "c", security: [{ key: [] }], responses: ok200 } },
      }, { securitySchemes: { bearer: { type: "http", scheme: "bearer" }, key: { type: "apiKey", in: "query", name: "key" } } }),
      security: [{ bearer: [] }],
    }, { specHash: "x" });
    const table = operationTable(model);
    expect(table.auth).toEqual({ schemes: { bearer: { in: "header", name: "Authorization", prefix: "Bearer" }, key: { in: "query", name: "key" } }, token: ["bearer", "key"], security: ["bearer"] });
    expect([table.operations.a!.security, table.operations.b!.security, table.operations.c!.security]).toEqual([undefined, [], ["key"]]);
  });
});

describe("login (the operation the CLI's login checks a token with)", () => {
  const get = (operationId: string, extra: Json = {}) => ({ get: { operationId, security: [{ key: [] }], responses: { "200": json(object({})) }, ...extra } });
  it.each([
    ["a GET on /auth/check beats /me", { "/me": get("me"), "/auth/check": get("auth.check") }, "auth.check"],
    ["a GET on /me", { "/me": get("me"), "/things": get("things.list") }, "me"],
    ["x-cli-login wins", { "/me": get("me"), "/session": get("sessions.current", { "x-cli-login": true }) }, "sessions.current"],
    ["an anonymous GET does not count", { "/me": { get: { operationId: "me", security: [], responses: {} } } }, null],
    ["nothing like it", { "/things": get("things.list") }, null],
  ])("%s", (_name, paths, login) => {
    expect(buildModel("t", doc(paths, { securitySchemes: { key: { type: "http", scheme: "bearer" } } }), { specHash: "x" }).login).toBe(login);
  });
});
