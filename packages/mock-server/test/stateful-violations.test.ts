// A stateful answer that breaks the spec is never served silently: Prism (the proxy in front of the
// engine) turns it into a 500 naming the violation, and the mock's log prints it in red. The fixture
// spec declares an effect that sets an integer field to a string: the engine obeys, Prism objects.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModel } from "@repo/model/build";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startStatefulMock, type Exchange, type StatefulMock } from "../src/index.js";

const thing = { $ref: "#/components/schemas/Thing" };
const json = (schema: object, example: unknown) => ({ description: "ok", content: { "application/json": { schema, examples: { only: { value: example } } } } });
const id = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^thg_[a-z0-9]+$" } };
const spec = {
  openapi: "3.1.0",
  info: { title: "Things", version: "1.0.0" },
  servers: [{ url: "https://things.example/v1" }],
  paths: {
    "/things": {
      get: { operationId: "things.list", responses: { "200": json({ type: "object", required: ["things"], properties: { things: { type: "array", items: thing } } }, { things: [{ id: "thg_1", size: 1 }] }) } },
    },
    "/things/{id}": { parameters: [id], get: { operationId: "things.get", responses: { "200": json(thing, { id: "thg_1", size: 1 }), "404": { description: "gone" } } } },
    // the deliberate bug: `size` is an integer, the effect makes it a string
    "/things/{id}/grow": { parameters: [id], post: { operationId: "things.grow", "x-effect": { set: { size: "huge" } }, responses: { "200": json(thing, { id: "thg_1", size: 2 }) } } },
  },
  components: { schemas: { Thing: { type: "object", additionalProperties: false, required: ["id", "size"], properties: { id: { type: "string" }, size: { type: "integer" } } } } },
};

let mock: StatefulMock;
const seen: Exchange[] = [];
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "stateful-violations-"));
  const specFile = join(dir, "openapi.json");
  writeFileSync(specFile, JSON.stringify(spec));
  mock = await startStatefulMock({ specFile, model: buildModel("things", spec, { specHash: "test" }), onExchange: (e) => seen.push(e) });
});
afterAll(() => mock?.stop());

it("a valid stateful answer passes untouched", async () => {
  const response = await fetch(`${mock.url}/things/thg_1`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ id: "thg_1", size: 1 });
  expect(seen.at(-1)).toMatchObject({ operationId: "things.get", status: 200, violations: [] });
});

it("an answer that breaks the spec becomes a 500 naming the violation, and is recorded with it", async () => {
  const response = await fetch(`${mock.url}/things/thg_1/grow`, { method: "POST" });
  expect(response.status).toBe(500);
  const problem = await response.json();
  expect(problem.title).toMatch(/not valid/);
  expect(JSON.stringify(problem.validation)).toMatch(/size.*must be integer/);
  expect(seen.at(-1)).toMatchObject({ operationId: "things.grow", status: 500, violations: [{ side: "response", where: "body.size" }] });
});
