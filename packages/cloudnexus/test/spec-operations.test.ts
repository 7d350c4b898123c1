// Every operation of the CloudNexus spec, called with the raw typed client against the Prism mock.
// Requests are built from the spec's own examples (parameter examples, first request-body example) and
// every answer must equal the spec's example for that status, with no request violation. Error answers
// are chosen per call with Prism's `Prefer: code=…` header. Adding an operation = adding one row.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createClient } from "../src/index.js";

type Json = Record<string, unknown>;
const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8")) as Json;
const model = JSON.parse(readFileSync(new URL("../generated/model.json", import.meta.url), "utf8")) as {
  operations: { operationId: string; method: string; path: string; successStatus: string | null }[];
};
const key = "cn_test_4eC39HqLyjWDarjtT1zdp7dc";

/** Follows a local `#/…` ref of the bundle. */
function deref<T = Json>(node: unknown): T {
  let current = node as Json;
  while (typeof current?.["$ref"] === "string") {
    current = (current["$ref"] as string)
      .slice(2)
      .split("/")
      .reduce<Json>((obj, part) => obj[part.replace(/~1/g, "/").replace(/~0/g, "~")] as Json, spec);
  }
  return current as T;
}

/** The operation object of the bundle with this operationId, and its path item. */
function operation(operationId: string) {
  const entry = model.operations.find((op) => op.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId} in model.json`);
  const item = deref((spec["paths"] as Json)[entry.path]);
  return { ...entry, item, op: item[entry.method.toLowerCase()] as Json };
}

/** The value of an example map's entry: the named one, or the first. */
function exampleValue(examples: unknown, name?: string): unknown {
  const map = examples as Record<string, unknown>;
  const chosen = name ?? Object.keys(map)[0];
  if (!chosen || !(chosen in map)) throw new Error(`no example ${name ?? "(first)"}`);
  return deref<{ value: unknown }>(map[chosen]).value;
}

/**
 * The request the spec's examples describe: each parameter's `example` by location (optional filters
 * without one are left out, so they do not contradict the response example), and the first
 * request-body example. Typed `never` so any row may pass them on; the row's path and method are typed.
 */
interface SpecRequest {
  path: never;
  query: never;
  header: never;
  body: never;
}
function specRequest(operationId: string): SpecRequest {
  const { item, op } = operation(operationId);
  const params: Record<string, Json> = { path: {}, query: {}, header: {} };
  for (const raw of [...((item["parameters"] as unknown[]) ?? []), ...((op["parameters"] as unknown[]) ?? [])]) {
    const param = deref<{ name: string; in: string; required?: boolean; example?: unknown }>(raw);
    if (param.example === undefined && param.required) throw new Error(`${operationId}: required parameter ${param.name} has no example`);
    if (param.example !== undefined) params[param.in]![param.name] = param.example;
  }
  const media = op["requestBody"] ? (deref(op["requestBody"])["content"] as Json)["application/json"] : undefined;
  const body = media ? exampleValue((media as Json)["examples"]) : undefined;
  return { path: params["path"], query: params["query"], header: params["header"], body } as unknown as SpecRequest;
}

/** The example of one response of an operation (the shared error responses included). */
function responseExample(operationId: string, status: string, name?: string): unknown {
  const response = deref((operation(operationId).op["responses"] as Json)[status]);
  const media = (response["content"] as Json | undefined)?.["application/json"] as Json | undefined;
  return media ? exampleValue(media["examples"], name) : undefined;
}

/** The statuses an operation declares, success excluded. */
const errorStatuses = (operationId: string) =>
  Object.keys(operation(operationId).op["responses"] as Json).filter((status) => !/^2/.test(status));

// The requests the client actually sent, to prove which operation each row reached.
const sent: { method: string; url: string }[] = [];
const observedFetch: typeof fetch = (input, init) => {
  const request = input instanceof Request ? input : undefined;
  sent.push({ method: init?.method ?? request?.method ?? "GET", url: request?.url ?? String(input) });
  return fetch(input, init);
};
const client = (token?: string) =>
  createClient({ baseUrl: inject("mockUrl"), fetch: observedFetch, ...(token ? { token } : {}) });

type Client = ReturnType<typeof createClient>;
type Call = (c: Client, x: SpecRequest, headers: Record<string, string>) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

// One row per operation: how the typed client calls it.
const calls: Record<string, Call> = {
  me: (c, _x, headers) => c.GET("/me", { headers }),
  "instances.list": (c, x, headers) => c.GET("/instances", { params: { query: x.query }, headers }),
  "instances.create": (c, x, headers) => c.POST("/instances", { params: { header: x.header }, body: x.body, headers }),
  "instances.get": (c, x, headers) => c.GET("/instances/{id}", { params: { path: x.path }, headers }),
  "instances.update": (c, x, headers) => c.PATCH("/instances/{id}", { params: { path: x.path }, body: x.body, headers }),
  "instances.delete": (c, x, headers) => c.DELETE("/instances/{id}", { params: { path: x.path }, headers }),
  "instances.listActions": (c, x, headers) =>
    c.GET("/instances/{id}/actions", { params: { path: x.path, query: x.query }, headers }),
  "instances.start": (c, x, headers) =>
    c.POST("/instances/{id}/actions/start", { params: { path: x.path, header: x.header }, headers }),
  "instances.stop": (c, x, headers) =>
    c.POST("/instances/{id}/actions/stop", { params: { path: x.path, header: x.header }, headers }),
  "instances.reboot": (c, x, headers) =>
    c.POST("/instances/{id}/actions/reboot", { params: { path: x.path, header: x.header }, headers }),
  "instances.resize": (c, x, headers) =>
    c.POST("/instances/{id}/actions/resize", { params: { path: x.path, header: x.header }, body: x.body, headers }),
  "instances.rebuild": (c, x, headers) =>
    c.POST("/instances/{id}/actions/rebuild", { params: { path: x.path, header: x.header }, body: x.body, headers }),
  "actions.list": (c, x, headers) => c.GET("/actions", { params: { query: x.query }, headers }),
  "actions.get": (c, x, headers) => c.GET("/actions/{id}", { params: { path: x.path }, headers }),
  "sshKeys.list": (c, x, headers) => c.GET("/ssh_keys", { params: { query: x.query }, headers }),
  "sshKeys.create": (c, x, headers) => c.POST("/ssh_keys", { params: { header: x.header }, body: x.body, headers }),
  "sshKeys.get": (c, x, headers) => c.GET("/ssh_keys/{id}", { params: { path: x.path }, headers }),
  "sshKeys.delete": (c, x, headers) => c.DELETE("/ssh_keys/{id}", { params: { path: x.path }, headers }),
  "regions.list": (c, x, headers) => c.GET("/regions", { params: { query: x.query }, headers }),
  "regions.get": (c, x, headers) => c.GET("/regions/{slug}", { params: { path: x.path }, headers }),
  "plans.list": (c, x, headers) => c.GET("/plans", { params: { query: x.query }, headers }),
  "plans.get": (c, x, headers) => c.GET("/plans/{slug}", { params: { path: x.path }, headers }),
  "images.list": (c, x, headers) => c.GET("/images", { params: { query: x.query }, headers }),
  "images.get": (c, x, headers) => c.GET("/images/{slug}", { params: { path: x.path }, headers }),
  "firewalls.list": (c, x, headers) => c.GET("/firewalls", { params: { query: x.query }, headers }),
  "firewalls.create": (c, x, headers) => c.POST("/firewalls", { params: { header: x.header }, body: x.body, headers }),
  "firewalls.get": (c, x, headers) => c.GET("/firewalls/{id}", { params: { path: x.path }, headers }),
  "firewalls.update": (c, x, headers) => c.PATCH("/firewalls/{id}", { params: { path: x.path }, body: x.body, headers }),
  "firewalls.delete": (c, x, headers) => c.DELETE("/firewalls/{id}", { params: { path: x.path }, headers }),
  "firewalls.attach": (c, x, headers) =>
    c.POST("/firewalls/{id}/attach", { params: { path: x.path, header: x.header }, body: x.body, headers }),
  "firewalls.detach": (c, x, headers) =>
    c.POST("/firewalls/{id}/detach", { params: { path: x.path, header: x.header }, body: x.body, headers }),
  "floatingIps.list": (c, x, headers) => c.GET("/floating_ips", { params: { query: x.query }, headers }),
  "floatingIps.create": (c, x, headers) =>
    c.POST("/floating_ips", { params: { header: x.header }, body: x.body, headers }),
  "floatingIps.get": (c, x, headers) => c.GET("/floating_ips/{id}", { params: { path: x.path }, headers }),
  "floatingIps.delete": (c, x, headers) => c.DELETE("/floating_ips/{id}", { params: { path: x.path }, headers }),
  "floatingIps.assign": (c, x, headers) =>
    c.POST("/floating_ips/{id}/actions/assign", { params: { path: x.path, header: x.header }, body: x.body, headers }),
  "floatingIps.unassign": (c, x, headers) =>
    c.POST("/floating_ips/{id}/actions/unassign", { params: { path: x.path, header: x.header }, headers }),
};

/** Calls a row and checks that the request it sent is the operation's method and path. */
const exercised = new Set<string>();
async function call(operationId: string, options: { anonymous?: boolean; headers?: Record<string, string> } = {}) {
  const row = calls[operationId];
  if (!row) throw new Error(`no row for ${operationId}`);
  const { method, path } = operation(operationId);
  const x = specRequest(operationId);
  const result = await row(client(options.anonymous ? undefined : key), x, options.headers ?? {});
  const request = sent.at(-1)!;
  const expectedPath = path.replace(/\{(\w+)\}/g, (_, name: string) => String((x.path as Json)[name]));
  expect(request.method).toBe(method);
  expect(new URL(request.url).pathname).toBe(new URL(inject("mockUrl")).pathname.replace(/\/$/, "") + expectedPath);
  exercised.add(operationId);
  return result;
}

/** Headers every response declares: the request id and the rate-limit trio. */
function expectCommonHeaders(response: Response) {
  expect(response.headers.get("X-Request-Id")).toMatch(/^req_[A-Za-z0-9]+$/);
  for (const name of ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]) {
    expect(response.headers.get(name), name).toMatch(/^\d+$/);
  }
}

const operationIds = model.operations.map((op) => op.operationId);

describe("every CloudNexus operation through the typed client against Prism", () => {
  it.each(operationIds)("%s answers its success status with the spec's example", async (operationId) => {
    const { successStatus } = operation(operationId);
    const { response, data } = await call(operationId);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(String(response.status)).toBe(successStatus);
    expect(data).toEqual(responseExample(operationId, successStatus!));
    expectCommonHeaders(response);
  });

  it.each(operationIds.flatMap((id) => errorStatuses(id).map((status) => [id, status] as const)))(
    "%s answers %s with the shared error response when Prism is asked for it",
    async (operationId, status) => {
      const { response, error } = await call(operationId, { headers: { Prefer: `code=${status}` } });
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(String(response.status)).toBe(status);
      expect(error).toEqual(responseExample(operationId, status));
      expectCommonHeaders(response);
      // the error body carries the request id of the response header
      expect((error as { error: { request_id: string } }).error.request_id).toBe(response.headers.get("X-Request-Id"));
      // 429 and 503 say when to retry
      if (status === "429" || status === "503") expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
    },
  );

  it.each(operationIds)("%s without an API key answers 401 with the error envelope", async (operationId) => {
    const { response, error } = await call(operationId, { anonymous: true });
    expect(response.status).toBe(401);
    expect(error).toEqual(responseExample(operationId, "401"));
  });

  it("a named error example is served with Prefer: example=…", async () => {
    const { response, error } = await call("instances.create", { headers: { Prefer: "code=400, example=bad_request" } });
    expect(response.status).toBe(400);
    expect(error).toEqual(responseExample("instances.create", "400", "bad_request"));
  });

  it("a request the spec forbids is flagged by Prism (the check above is not vacuous)", async () => {
    const { response } = await client(key).POST("/instances", {
      // "size" is not a field of InstanceCreate, whose additionalProperties is false
      body: { ...(specRequest("instances.create").body as Json), size: 4 } as never,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("additional properties");
  });

  it("every row names an operation of the spec", () => {
    expect(Object.keys(calls).sort()).toEqual([...operationIds].sort());
  });

  afterAll(() => {
    // the calls above reached every operationId of the spec, and nothing else
    expect([...exercised].sort()).toEqual([...operationIds].sort());
  });
});
