// Item envelopes judged by Prism: a spec answering items inside one property (`{ "thing": {…}, "links": … }`,
// the model's itemKey) gets stateful get/create/update answers that are valid per the spec, with a flat
// and an enveloped request body. (mock-engine's envelopes.test.ts holds the engine's side.)
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModel } from "@repo/model/build";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startStatefulMock, type Exchange, type StatefulMock } from "../src/index.js";

type Json = any;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
const answer = (schema: Json, example: Json) => ({ description: "ok", content: { "application/json": { schema, example } } });
const body = (schema: Json) => ({ required: true, content: { "application/json": { schema } } });
const links = { type: "object", required: ["actions"], properties: { actions: { type: "array", items: { type: "object" } } } };
const enveloped = (key: string, schema: string, extra: Json = {}) => ({ type: "object", additionalProperties: false, required: [key, ...Object.keys(extra)], properties: { [key]: ref(schema), ...extra } });

const spec = {
  openapi: "3.1.0",
  info: { title: "Envelopes", version: "1" },
  servers: [{ url: "https://envelopes.example/v2" }],
  paths: {
    "/things": {
      get: { operationId: "things.list", responses: { "200": answer({ type: "object", properties: { things: { type: "array", items: ref("Thing") } } }, { things: [{ id: "thg_1", name: "one", size: 1 }] }) } },
      post: {
        operationId: "things.create",
        requestBody: body({ type: "object", additionalProperties: false, required: ["name"], properties: { name: { type: "string" }, size: { type: "integer" } } }),
        // one of two envelopes (one item or several), as DigitalOcean's droplet create answers
        responses: {
          "202": answer(
            { oneOf: [enveloped("thing", "Thing", { links }), { type: "object", additionalProperties: false, required: ["things"], properties: { things: { type: "array", items: ref("Thing") } } }] },
            { thing: { id: "thg_9", name: "example", size: 9 }, links: { actions: [] } },
          ),
          "400": { description: "bad" },
        },
      },
    },
    "/things/{id}": {
      parameters: [id],
      get: { operationId: "things.get", responses: { "200": answer(enveloped("thing", "Thing"), { thing: { id: "thg_2", name: "two", size: 2 } }), "404": { description: "none" } } },
      patch: {
        operationId: "things.update",
        requestBody: body({ type: "object", additionalProperties: false, required: ["thing"], properties: { thing: { type: "object", properties: { name: { type: "string" } } } } }),
        responses: { "200": answer(enveloped("thing", "Thing"), { thing: { id: "thg_2", name: "two", size: 2 } }), "404": { description: "none" } },
      },
    },
  },
  components: {
    schemas: {
      Thing: { type: "object", additionalProperties: false, required: ["id", "name"], properties: { id: { type: "string", pattern: "^thg_[0-9a-z]+$" }, name: { type: "string" }, size: { type: "integer" } } },
    },
  },
};

let mock: StatefulMock;
const seen: Exchange[] = [];
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "envelopes-"));
  const specFile = join(dir, "openapi.json");
  writeFileSync(specFile, JSON.stringify(spec));
  mock = await startStatefulMock({ specFile, model: buildModel("envelopes", spec, { specHash: "test" }), onExchange: (e) => seen.push(e) });
});
afterAll(() => mock?.stop());

const send = (method: string, path: string, sent?: Json) =>
  fetch(`${mock.url}${path}`, { method, headers: sent ? { "content-type": "application/json" } : {}, body: sent ? JSON.stringify(sent) : null });

it("create (a flat body) → get → update (an enveloped body) → get: each answer the stored item in its envelope, valid per the spec", async () => {
  const created = await send("POST", "/things", { name: "new", size: 3 });
  expect(created.status).toBe(202);
  const { thing } = await created.json();
  expect(thing).toEqual({ id: expect.stringMatching(/^thg_/), name: "new", size: 3 });

  const got = await send("GET", `/things/${thing.id}`);
  expect([got.status, await got.json()]).toEqual([200, { thing }]);

  const updated = await send("PATCH", `/things/${thing.id}`, { thing: { name: "renamed" } });
  expect([updated.status, await updated.json()]).toEqual([200, { thing: { ...thing, name: "renamed" } }]);
  expect((await (await send("GET", `/things/${thing.id}`)).json()).thing.name).toBe("renamed");

  expect(seen.map((exchange) => [exchange.operationId, exchange.status, exchange.violations])).toEqual([
    ["things.create", 202, []],
    ["things.get", 200, []],
    ["things.update", 200, []],
    ["things.get", 200, []],
  ]);
});
