// What the shared stateful suites take from the model (src/stateful-suite.ts): the resources with a create
// and a get, not those whose create answers no body (no key to read back), and an item read out of its
// answer's envelope (the model's itemKey).
import { buildModel } from "@repo/model/build";
import { describe, expect, it } from "vitest";
import type { SdkPackage } from "../src/package.js";
import { itemOfAnswer, resourcesOf } from "../src/stateful-suite.js";

type Json = any;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ description: "ok", content: { "application/json": { schema } } });
const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
/** A collection `/name` whose create answers `created` (undefined: 202 with no body), and its item path. */
const collection = (name: string, created: Json) => ({
  [`/${name}`]: {
    get: { operationId: `${name}.list`, responses: { "200": json({ type: "object", properties: { [name]: { type: "array", items: ref("Thing") } } }) } },
    post: { operationId: `${name}.create`, responses: created ? { "201": json(created) } : { "202": { description: "accepted" } } },
  },
  [`/${name}/{id}`]: { parameters: [id], get: { operationId: `${name}.get`, responses: { "200": json({ type: "object", properties: { thing: ref("Thing") } }) } } },
});
const spec = {
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: { ...collection("things", { type: "object", properties: { thing: ref("Thing") } }), ...collection("sinks", undefined) },
  components: { schemas: { Thing: { type: "object", properties: { id: { type: "string" } } } } },
};
const pkg = { model: buildModel("t", spec, { specHash: "x" }) } as unknown as SdkPackage;

describe("the resources the stateful suites prove", () => {
  it("leave out a resource whose create answers no body", () => {
    expect(resourcesOf(pkg).map((resource) => resource.name)).toEqual(["things"]);
  });

  it("read an item out of its envelope, and take an answer without one as the item", () => {
    const [things] = resourcesOf(pkg);
    expect(things!.itemKey).toBe("thing");
    expect(itemOfAnswer(things!, { thing: { id: "t1" } })).toEqual({ id: "t1" });
    expect(itemOfAnswer(things!, { id: "t2" })).toEqual({ id: "t2" });
    expect(itemOfAnswer({ itemKey: null }, { thing: { id: "t3" } })).toEqual({ thing: { id: "t3" } });
    // an item path answering its list's shape: the one item of the list
    expect(itemOfAnswer({ itemKey: "key", listKey: "keys" }, { keys: [{ id: "k1" }] })).toEqual({ id: "k1" });
  });
});
