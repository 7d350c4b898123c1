// The types generate-sdk.mjs writes (src/build/typescript-types.ts, openapi-typescript): a request-body field
// with a `default` stays optional (the server fills it in), while a field the schema requires stays
// required, default or not. openapi-typescript's own default would make every defaulted field required.
import { describe, expect, it } from "vitest";
import { typesOf } from "../src/build/index.js";

const spec = {
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: {
    "/tasks": {
      post: {
        operationId: "tasks.create",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/TaskCreate" } } } },
        responses: { "201": { description: "made", content: { "application/json": { schema: { $ref: "#/components/schemas/Task" } } } } },
      },
    },
  },
  components: {
    schemas: {
      TaskCreate: { type: "object", required: ["title"], properties: { title: { type: "string" }, priority: { type: "integer", default: 50 } } },
      Task: { type: "object", required: ["title", "priority"], properties: { title: { type: "string" }, priority: { type: "integer", default: 50 } } },
    },
  },
};

describe("generated types", () => {
  it("keep a defaulted request-body field optional, and a required one required", async () => {
    const types: string = await typesOf(spec);
    const block = (name: string) => types.slice(types.indexOf(`${name}: {`), types.indexOf("};", types.indexOf(`${name}: {`)));
    expect(block("TaskCreate")).toMatch(/priority\?: number;/);
    expect(block("TaskCreate")).toMatch(/title: string;/);
    expect(block("Task")).toMatch(/priority: number;/);
  });
});

describe("a schema requiring a field it never defines (an upstream spec's slip)", () => {
  const withSchemas = (schemas: Record<string, object>) => ({ ...spec, components: { schemas: { ...spec.components.schemas, ...schemas } } });
  const block = (types: string, name: string) => types.slice(types.indexOf(`${name}: {`), types.indexOf("};", types.indexOf(`${name}: {`)));

  it("gets that field, of any type, required in its type: a call the API accepts type-checks", async () => {
    const types = await typesOf(withSchemas({ Logtail: { type: "object", required: ["endpoint"], properties: { token: { type: "string" } }, example: { required: ["data"] } } }));
    expect(block(types, "Logtail")).toMatch(/token\?: string;/);
    expect(block(types, "Logtail")).toMatch(/endpoint: unknown;/);
    expect(types).not.toMatch(/data: unknown/); // an example's data is not a schema
  });

  it("keeps the type another part of the schema gives it (allOf: the intersection with unknown is that type)", async () => {
    const types = await typesOf(withSchemas({ Base: { type: "object", properties: { name: { type: "string" } } }, Named: { allOf: [{ $ref: "#/components/schemas/Base" }, { required: ["name"] }] } }));
    expect(types).toMatch(/Named: components\["schemas"\]\["Base"\] & \{\s+name: unknown;\s+\}/);
  });
});
