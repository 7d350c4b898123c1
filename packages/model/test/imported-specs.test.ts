// What the model does with a spec written elsewhere: the names new-api derives for its overlay, the
// operations it leaves out (loudly) instead of failing, and what makes a document unusable.
import { describe, expect, it } from "vitest";
import { assertUsableDocument, buildModel, compareBaseline, deriveNames, namesOverlay } from "../src/build/index.js";
import { parse } from "yaml";

type Json = Record<string, unknown>;
const ok = { 200: { description: "OK", content: { "application/json": { schema: { type: "object" } } } } };
const doc = (paths: Json) => ({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths });
const op = (operationId: string | undefined, tags: string[] = []) => ({ ...(operationId ? { operationId } : {}), tags, responses: ok });

describe("deriveNames: the SDK name of an operation written to another convention", () => {
  it.each([
    // [why, method, path, upstream operationId, tags, derived]
    ["already <namespace>.<method>: kept", "get", "/instances", "instances.list", [], "instances.list"],
    ["resource_action (DigitalOcean)", "get", "/v2/droplets", "droplets_list", [], "droplets.list"],
    ["resource_action_more (DigitalOcean)", "get", "/v2/droplets/{id}/kernels", "droplets_list_kernels", [], "droplets.listKernels"],
    ["a namespace in camelCase stays", "post", "/v2/account/keys", "sshKeys_create", [], "sshKeys.create"],
    ["a namespace starting with a digit is spelled out", "get", "/v2/1-clicks", "1clicks_list", [], "oneClicks.list"],
    ["verb first: the tag is the namespace", "get", "/special-events", "listSpecialEvents", ["Events"], "events.listSpecialEvents"],
    ["verb + the tag's noun: the noun is dropped", "post", "/pet", "addPet", ["pet"], "pet.add"],
    ["verb + the tag's noun + By…: the noun is dropped", "get", "/pet/findByStatus", "findPetsByStatus", ["pet"], "pet.findByStatus"],
    ["snake_case verb first: the tag is the namespace", "get", "/users", "list_users", ["Users"], "users.list"],
    ["a tag of several words", "get", "/museum-hours", "getMuseumHours", ["Museum Operations"], "museumOperations.getMuseumHours"],
    ["no tag: the first literal path segment (after a version) is the namespace, its noun dropped", "get", "/v1/widgets/{id}", "getWidget", [], "widgets.get"],
    ["no operationId, an item path", "get", "/pets/{id}", undefined, [], "pets.get"],
    ["no operationId, a collection path", "get", "/pets", undefined, [], "pets.list"],
    ["no operationId, a sub-path", "post", "/pets/{id}/photos", undefined, [], "pets.createPhotos"],
    ["a name the client has (raw, request) gets a suffix", "get", "/raw", "raw_get", [], "rawApi.get"],
  ] as const)("%s", (_why, method, path, operationId, tags, want) => {
    const { names } = deriveNames(doc({ [path]: { [method]: op(operationId, [...tags]) } }));
    expect(names[0]!.operationId).toBe(want);
  });

  it("resolves a collision deterministically (path order, then the HTTP method, then a number) and reports it", () => {
    const spec = doc({ "/b": { get: op("items_list"), post: op("items_list") }, "/a": { get: op("items_list") } });
    const first = deriveNames(spec);
    expect(first.names.map((n) => `${n.method} ${n.path} ${n.operationId}`)).toEqual(["get /b items.listGet", "post /b items.listPost", "get /a items.list"]);
    expect(first.collisions).toEqual([expect.stringContaining('"items.list" was wanted by 3 operations')]);
    expect(deriveNames(spec)).toEqual(first);
  });

  it("writes an Overlay 1.0 document that renames each operation whose name changed, at a JSONPath of its path", () => {
    const spec = doc({ "/v2/droplets": { get: op("droplets_list"), post: op("droplets.create") }, "/it's": { get: op("quotes_get") } });
    const overlay = parse(namesOverlay("T", deriveNames(spec)));
    expect(overlay.overlay).toBe("1.0.0");
    expect(overlay.actions).toEqual([
      { target: "$.paths['/v2/droplets'].get", description: "was droplets_list", update: { operationId: "droplets.list" } },
      { target: "$.paths['/it\\'s'].get", description: "was quotes_get", update: { operationId: "quotes.get" } },
    ]);
  });
});

describe("buildModel leaves out what it cannot represent, names it and says why", () => {
  it.each([
    ["a path with a character no URL path carries", "/files/<upload_url>", { put: op("files.upload") }, /<upload_url>.*not a literal URL path character/],
    ["a {name} that is not a declared path parameter", "/things/{id}", { get: op("things.get") }, /\{id\} is not a declared path parameter/],
    ["no operationId", "/things", { get: op(undefined) }, /no operationId/],
    ["an operationId off the convention (the overlay names it)", "/things", { get: op("get_things") }, /not `<namespace>.<method>`/],
    ["only error responses: a call could only fail", "/status/401", { post: { ...op("status.fail"), responses: { 401: { description: "no" } } } }, /only error responses \(401\)/],
    [
      "only a credential the SDK cannot send (a client certificate)",
      "/mtls",
      { post: { ...op("mtls.create"), security: [{ cert: [] }] } },
      /cannot send a credential of its security \(mutualTLS/,
    ],
  ] as const)("%s", (_why, path, item, reason) => {
    const spec = { ...doc({ [path]: item, "/fine": { get: op("fine.get") } }), components: { securitySchemes: { cert: { type: "mutualTLS" } } } };
    const model = buildModel("t", spec, { specHash: "x" });
    expect(model.operations.map((o) => o.operationId)).toEqual(["fine.get"]);
    expect(model.omitted).toEqual([{ method: Object.keys(item)[0]!.toUpperCase(), path, operationId: (Object.values(item)[0] as Json).operationId ?? null, reason: expect.stringMatching(reason) }]);
  });

  it("keeps the first of two operations with one operationId and leaves the second out", () => {
    const model = buildModel("t", doc({ "/a": { get: op("x.get") }, "/b": { get: op("x.get") } }), { specHash: "x" });
    expect(model.operations.map((o) => o.path)).toEqual(["/a"]);
    expect(model.omitted).toEqual([expect.objectContaining({ path: "/b", reason: expect.stringContaining('already named "x.get"') })]);
  });
});

describe("assertUsableDocument: only an unusable document stops the build, in one line", () => {
  it.each([
    ["Swagger 2.0", { swagger: "2.0", paths: {} }, /Swagger 2\.0; convert it to OpenAPI 3/],
    ["no openapi field", { info: {}, paths: { "/a": {} } }, /no `openapi: 3\.0\.x` or `3\.1\.x` field/],
    ["OpenAPI 4", { openapi: "4.0.0", paths: { "/a": {} } }, /only OpenAPI 3\.0 and 3\.1/],
    ["no paths and no webhooks", { openapi: "3.1.0", info: {}, paths: {} }, /has no paths \(and no webhooks\)/],
    ["not an object", [1, 2], /not an OpenAPI document/],
  ])("%s", (_why, document, message) => {
    expect(() => assertUsableDocument(document, "x.yaml")).toThrow(message);
    try {
      assertUsableDocument(document, "x.yaml");
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("takes a 3.0 document, and a 3.1 document with only webhooks", () => {
    expect(() => assertUsableDocument({ openapi: "3.0.3", paths: { "/a": {} } }, "x")).not.toThrow();
    expect(() => assertUsableDocument({ openapi: "3.1.0", webhooks: { ping: {} } }, "x")).not.toThrow();
  });
});

describe("compareBaseline: the lint ratchet", () => {
  const baseline = { "no-ambiguous-paths": ["#/paths/~1a", "#/paths/~1b"], "info-license": ["#/info"] };
  it.each([
    ["nothing changed", baseline, [], []],
    ["a new problem", { ...baseline, "operation-4xx-response": ["#/paths/~1c/get"] }, ["operation-4xx-response #/paths/~1c/get"], []],
    ["a fixed problem", { "no-ambiguous-paths": ["#/paths/~1a"], "info-license": ["#/info"] }, [], ["no-ambiguous-paths #/paths/~1b"]],
  ] as const)("%s", (_why, current, added, fixed) => {
    expect(compareBaseline(baseline, current as Record<string, string[]>)).toEqual({ added, fixed });
  });
});
