// The bundle the mocks serve (src/build/served-bundle.ts), made from the bundle as written: what it leaves
// out and what it reads as JSON Schema does. Proven against Prism in docs' samples-generator.test.ts.
import { describe, expect, it } from "vitest";
import { namesDiscriminatedMember } from "../src/build/discriminated-unions.js";
import { servedBundle } from "../src/build/served-bundle.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const union = { oneOf: [ref("Action"), ref("Snapshot")], discriminator: { propertyName: "type", mapping: { start: ref("Action").$ref, snapshot: ref("Snapshot").$ref } } };
const written = {
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: {
    "/actions": {
      parameters: [{ name: "Accept", in: "header", schema: { type: "string", enum: ["application/json"] } }],
      post: {
        parameters: [{ name: "content-type", in: "header", required: true, schema: { type: "string" } }, { name: "X-Trace", in: "header", schema: { type: "string" } }],
        requestBody: { content: { "application/json": { schema: union, example: { oneOf: ["data"], discriminator: {} } } } },
        responses: { 200: { description: "OK", content: { "application/json": { schema: { oneOf: [{ type: "string" }, { type: "integer" }] } } } } },
      },
    },
  },
  components: { schemas: { Action: { type: "object", properties: { type: { type: "string" } } }, Snapshot: { allOf: [ref("Action")] } } },
};

describe("servedBundle", () => {
  const { doc } = servedBundle(written);
  const post = doc.paths["/actions"].post;

  it("leaves out the header parameters the client sets itself, on the path item and the operation, and keeps the others", () => {
    expect(doc.paths["/actions"].parameters).toEqual([]);
    expect(post.parameters.map((p: { name: string }) => p.name)).toEqual(["X-Trace"]);
  });

  it("serves a discriminated oneOf as anyOf, and leaves an undiscriminated oneOf and an example's data alone", () => {
    expect(post.requestBody.content["application/json"].schema).toEqual({ anyOf: union.oneOf, discriminator: union.discriminator });
    expect(post.requestBody.content["application/json"].example).toEqual({ oneOf: ["data"], discriminator: {} });
    expect(post.responses[200].content["application/json"].schema.oneOf).toHaveLength(2);
  });

  it("does not change the bundle as written", () => {
    expect(written.paths["/actions"].post.requestBody.content["application/json"].schema).toBe(union);
    expect(written.paths["/actions"].parameters).toHaveLength(1);
  });
});

describe("namesDiscriminatedMember", () => {
  it.each([
    ["a key of the mapping", union, { type: "start" }, true],
    ["a value the mapping leaves out", union, { type: "reboot" }, false],
    ["a member's schema name, without a mapping", { oneOf: [ref("Action")], discriminator: { propertyName: "type" } }, { type: "Action" }, true],
    ["another name, without a mapping", { oneOf: [ref("Action")], discriminator: { propertyName: "type" } }, { type: "Other" }, false],
    ["no discriminator property in the value (JSON Schema's to judge)", union, {}, true],
    ["a schema without a discriminator", { oneOf: [ref("Action")] }, { type: "anything" }, true],
  ])("%s", (_name, schema, value, expected) => {
    expect(namesDiscriminatedMember(schema, value)).toBe(expected);
  });
});
