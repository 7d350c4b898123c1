// broken-examples.ts: an answer example that breaks its own schema is left out of the SDK's bundle (what
// the mocks serve) and named; a media type left with none gets a valid sampled value; valid ones stay.
import { describe, expect, it } from "vitest";
import { brokenExampleLines, dropBrokenExamples } from "../src/build/broken-examples.js";
import { buildModel } from "../src/build/build-model.js";

const account = { type: "object", required: ["id", "email"], additionalProperties: false, properties: { id: { type: "string", pattern: "^acct_" }, email: { type: "string", format: "email" } } };
const bundle = () => ({
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: {
    "/me": {
      get: {
        operationId: "me",
        responses: {
          200: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Account" }, examples: { good: { $ref: "#/components/examples/Good" }, typo: { value: { id: "acct_1", email: 42 } } } } } },
        },
      },
    },
    "/accounts/{id}": {
      get: {
        operationId: "accounts.get",
        responses: { 200: { $ref: "#/components/responses/Account" } },
      },
    },
  },
  components: {
    schemas: { Account: account },
    examples: { Good: { value: { id: "acct_2", email: "a@example.com" } } },
    responses: { Account: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Account" }, example: { id: "nope", email: "b@example.com", colour: "red" } } } } },
  },
});

describe("dropBrokenExamples", () => {
  it("names each example that breaks its schema, and leaves the valid ones in place", () => {
    const doc: any = bundle();
    const broken = dropBrokenExamples(doc);
    expect(broken).toEqual([
      { method: "GET", path: "/me", status: "200", mediaType: "application/json", example: "typo", problem: expect.stringContaining("email must be string") },
      { method: "GET", path: "/accounts/{id}", status: "200", mediaType: "application/json", example: "example", problem: expect.stringMatching(/pattern|additional properties/) },
    ]);
    expect(Object.keys(doc.paths["/me"].get.responses[200].content["application/json"].examples)).toEqual(["good"]);
    expect(brokenExampleLines(broken)[0]).toMatch(/^! example "typo" of GET \/me → 200 application\/json breaks its schema \(.*\): the mock serves a value of the schema instead$/);
  });

  it("gives a media type left with no example a value sampled from its schema, which validates", () => {
    const doc: any = bundle();
    dropBrokenExamples(doc);
    const sampled = doc.components.responses.Account.content["application/json"].example;
    expect(sampled).toEqual({ id: expect.stringMatching(/^acct_/), email: expect.stringContaining("@") });
    expect(dropBrokenExamples(doc)).toEqual([]); // nothing broken is left
  });

  it("changes nothing in a bundle whose examples are valid", () => {
    const doc: any = bundle();
    doc.paths["/me"].get.responses[200].content["application/json"].examples.typo.value.email = "c@example.com";
    doc.components.responses.Account.content["application/json"].example = { id: "acct_3", email: "d@example.com" };
    const before = structuredClone(doc);
    expect(dropBrokenExamples(doc)).toEqual([]);
    expect(doc).toEqual(before);
  });
});

describe("the schema's own examples, and request examples", () => {
  // a sink whose schema-level example lacks a required field: a mock sampling it would break the schema
  const sink = { type: "object", required: ["urn", "name"], properties: { urn: { type: "string" }, name: { type: "string" } }, example: { name: "logs" } };
  const doc = () => ({
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/sinks": {
        get: { operationId: "sinks.get", responses: { 200: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Sink" } } } } } },
        post: {
          operationId: "sinks.create",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Sink" }, example: { name: "no urn" } } } },
          responses: { 201: { description: "OK" } },
        },
      },
    },
    components: { schemas: { Sink: sink } },
  });

  it("an answer with no example whose schema's examples break it gets a value of the schema's types instead, named", () => {
    const bundled: any = doc();
    expect(dropBrokenExamples(bundled)).toEqual([
      { method: "GET", path: "/sinks", status: "200", mediaType: "application/json", example: "(the schema's examples)", problem: expect.stringContaining("must have required property 'urn'") },
    ]);
    expect(bundled.paths["/sinks"].get.responses[200].content["application/json"].example).toEqual({ urn: expect.any(String), name: expect.any(String) });
    expect(dropBrokenExamples(bundled)).toEqual([]);
  });

  it("a request example that breaks its schema is not what the tests send: a valid value is", () => {
    const model = buildModel("t", doc(), { specHash: "x" });
    const create = model.operations.find((op) => op.operationId === "sinks.create")!;
    expect(create.exampleParams).toEqual({ urn: expect.any(String), name: expect.any(String) });
  });
});

describe("a request body requiring a property its schema never defines", () => {
  it("gets the spec's example with that property filled in (any value is valid for it)", () => {
    const check = { type: "object", required: ["name", "method"], properties: { name: { type: "string" } } };
    const doc = {
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: { "/checks": { post: { operationId: "checks.create", requestBody: { content: { "application/json": { schema: check, example: { name: "landing" } } } }, responses: { 201: { description: "OK" } } } } },
    };
    const create = buildModel("t", doc, { specHash: "x" }).operations[0]!;
    expect(create.exampleParams).toEqual({ name: "landing", method: expect.any(String) });
  });
});

describe("a request body whose optional property has no valid sample", () => {
  it("gets its required properties alone", () => {
    // a `null` default on a union that does not allow null: no sample of `stop` is valid
    const body = { type: "object", required: ["model"], properties: { model: { type: "string" }, stop: { default: null, oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] } } };
    const doc = {
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: { "/chats": { post: { operationId: "chats.create", requestBody: { content: { "application/json": { schema: body, example: { model: "m", stop: null } } } }, responses: { 201: { description: "OK" } } } } },
    };
    expect(buildModel("t", doc, { specHash: "x" }).operations[0]!.exampleParams).toEqual({ model: expect.any(String) });
  });
});

describe("a request example carrying fields its schema never declares", () => {
  const create = (schema: object, example: object) =>
    buildModel("t", {
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      paths: { "/pools": { post: { operationId: "pools.create", requestBody: { content: { "application/json": { schema, example } } }, responses: { 201: { description: "OK" } } } } },
    }, { specHash: "x" }).operations[0]!.exampleParams;
  const config = { type: "object", properties: { size: { type: "string" } } };

  it("sends the declared fields only, at any depth and through allOf/oneOf (what the SDK's types accept)", () => {
    const pool = { allOf: [{ type: "object", required: ["name"], properties: { name: { type: "string" } } }, { properties: { config: { oneOf: [config, { type: "string" }] } } }] };
    expect(create(pool, { name: "p", backups: true, config: { size: "s", region: "nyc1" } })).toEqual({ name: "p", config: { size: "s" } });
  });

  it("keeps every field where the object admits others, or declares none", () => {
    expect(create({ type: "object", properties: { name: { type: "string" } }, additionalProperties: { type: "string" } }, { name: "p", tag: "x" })).toEqual({ name: "p", tag: "x" });
    expect(create({ type: "object" }, { anything: 1 })).toEqual({ anything: 1 });
  });

  it("keeps an undeclared field the schema requires (leaving it out would break the schema)", () => {
    expect(create({ type: "object", required: ["method"], properties: { name: { type: "string" } } }, { name: "p", method: "GET" })).toEqual({ name: "p", method: "GET" });
  });
});
