// envelopes.ts: an API answering an item inside one property (`{ "thing": {…}, "links": {…} }`, the
// resource's itemKey) gets its stored items wrapped in get/create/update answers, and a create or update
// body is read flat or out of its envelope, as the request schema says. A small inline spec, engine only
// (mock-server's envelopes.test.ts has Prism judge the same answers).
import { buildModel } from "@repo/model/build";
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/index.js";

type Json = any;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
const answer = (schema: Json, example: Json) => ({ description: "ok", content: { "application/json": { schema, example } } });
const body = (schema: Json) => ({ required: true, content: { "application/json": { schema } } });
const links = { type: "object", properties: { actions: { type: "array", items: { type: "object" } } } };

const envelopeSpec: Json = {
  openapi: "3.1.0",
  info: { title: "Envelopes", version: "1" },
  paths: {
    "/things": {
      get: { operationId: "things.list", responses: { "200": answer({ type: "object", properties: { things: { type: "array", items: ref("Thing") } } }, { things: [{ id: "thg_1", name: "one", size: 1 }] }) } },
      // a flat create body; the answer is one of two envelopes, the example the single one
      post: {
        operationId: "things.create",
        requestBody: body({ type: "object", required: ["name"], properties: { name: { type: "string" }, size: { type: "integer" } } }),
        responses: {
          "202": answer(
            { oneOf: [{ type: "object", required: ["thing", "links"], properties: { thing: ref("Thing"), links } }, { type: "object", required: ["things"], properties: { things: { type: "array", items: ref("Thing") } } }] },
            { thing: { id: "thg_9", name: "example", size: 9 }, links: { actions: [{ id: 1 }] } },
          ),
        },
      },
    },
    "/things/{id}": {
      parameters: [id],
      get: { operationId: "things.get", responses: { "200": answer({ type: "object", required: ["thing"], properties: { thing: ref("Thing") } }, { thing: { id: "thg_2", name: "two", size: 2 } }), "404": { description: "none" } } },
      // an enveloped update body
      patch: {
        operationId: "things.update",
        requestBody: body({ type: "object", properties: { thing: { type: "object", properties: { name: { type: "string" } } } } }),
        responses: { "200": answer({ type: "object", properties: { thing: ref("Thing") } }, { thing: { id: "thg_2", name: "two", size: 2 } }), "404": { description: "none" } },
      },
    },
    // an item path answering its list's shape: a list of the one item
    "/keys": {
      get: { operationId: "keys.list", responses: { "200": answer({ type: "object", properties: { keys: { type: "array", items: ref("Key") } } }, { keys: [] }) } },
      post: { operationId: "keys.create", requestBody: body({ type: "object", properties: { name: { type: "string" } } }), responses: { "201": answer({ type: "object", properties: { key: ref("Key") } }, { key: { access_key: "KEYEXAMPLE", name: "example" } }) } },
    },
    "/keys/{access_key}": {
      parameters: [{ name: "access_key", in: "path", required: true, schema: { type: "string" } }],
      get: { operationId: "keys.get", responses: { "200": answer({ allOf: [{ type: "object", properties: { keys: { type: "array", items: ref("Key") } } }] }, { keys: [{ access_key: "KEYEXAMPLE", name: "example" }] }) } },
    },
    "/gadgets": {
      get: { operationId: "gadgets.list", responses: { "200": answer({ type: "object", properties: { gadgets: { type: "array", items: ref("Gadget") } } }, { gadgets: [] }) } },
      // an enveloped create body
      post: {
        operationId: "gadgets.create",
        requestBody: body({ type: "object", required: ["gadget"], properties: { gadget: { type: "object", required: ["name"], properties: { name: { type: "string" } } } } }),
        responses: { "201": answer({ type: "object", properties: { gadget: ref("Gadget") } }, { gadget: { id: "gdg_1", name: "example" } }) },
      },
    },
  },
  components: {
    schemas: {
      Key: { type: "object", required: ["access_key"], properties: { access_key: { type: "string" }, name: { type: "string" } } },
      Thing: { type: "object", additionalProperties: false, required: ["id", "name"], properties: { id: { type: "string", pattern: "^thg_[0-9a-z]+$" }, name: { type: "string" }, size: { type: "integer" } } },
      Gadget: { type: "object", additionalProperties: false, required: ["id", "name"], properties: { id: { type: "string", pattern: "^gdg_[0-9a-z]+$" }, name: { type: "string" } } },
    },
  },
};

function setup() {
  const model = buildModel("envelopes", envelopeSpec, { specHash: "test" });
  const engine = createEngine(envelopeSpec, model);
  const call = (method: string, path: string, sent?: Json) => engine.handle({ method, path, query: new URLSearchParams(), headers: {}, body: sent });
  return { model, engine, call };
}

describe("item envelopes", () => {
  it("the model names the property holding the item", () => {
    const { model } = setup();
    expect(model.resources.things).toMatchObject({ listKey: "things", itemKey: "thing" });
    expect(model.resources.gadgets).toMatchObject({ listKey: "gadgets", itemKey: "gadget" });
  });

  it("seeds the items get and create examples hold, and answers a get in the envelope", () => {
    const { engine, call } = setup();
    expect(engine.items("things").map((item) => item.id).sort()).toEqual(["thg_1", "thg_2", "thg_9"]);
    expect(call("GET", "/things/thg_1")).toMatchObject({ status: 200, body: { thing: { id: "thg_1", name: "one", size: 1 } } });
  });

  it("a flat create body: the stored item answered in the envelope, its other fields from the example; then get finds it", () => {
    const { call } = setup();
    const created = call("POST", "/things", { name: "new", size: 3 });
    expect(created.status).toBe(202);
    expect(created.body).toEqual({ thing: { id: expect.stringMatching(/^thg_/), name: "new", size: 3 }, links: { actions: [{ id: 1 }] } });
    expect(call("GET", `/things/${created.body.thing.id}`).body).toEqual({ thing: created.body.thing });
  });

  it("an enveloped create body is read out of its envelope", () => {
    const { engine, call } = setup();
    const created = call("POST", "/gadgets", { gadget: { name: "box" } });
    expect(created.body).toEqual({ gadget: { id: expect.stringMatching(/^gdg_/), name: "box" } });
    expect(engine.items("gadgets")).toEqual([created.body.gadget, { id: "gdg_1", name: "example" }]);
  });

  it("an item path answering its list's shape answers a list of the one stored item", () => {
    const { call } = setup();
    const { key } = call("POST", "/keys", { name: "deploy" }).body;
    expect(key).toEqual({ access_key: expect.any(String), name: "deploy" });
    expect(call("GET", `/keys/${key.access_key}`).body).toEqual({ keys: [key] });
  });

  it("an enveloped update body changes the stored item, answered in the envelope", () => {
    const { call } = setup();
    expect(call("PATCH", "/things/thg_2", { thing: { name: "renamed" } }).body).toEqual({ thing: { id: "thg_2", name: "renamed", size: 2 } });
    expect(call("GET", "/things/thg_2").body.thing.name).toBe("renamed");
  });
});
