// The CLI bundle carries only what the CLI reads of the model (@repo/model/build: cli-model.ts): no answer
// descriptions or example params, and each repeated schema once. unpackModel must give back exactly
// the fields the CLI reads, and the packed model must stay a fraction of the full one as a spec grows.
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { unpackModel } from "@repo/model";
import { buildModel, cliModel, cliModelSource, packShared } from "@repo/model/build";
import { generalityModel } from "./fixtures/generality.js";

/** A conventional spec of `n` resources, each with list/create/get/update sharing its schemas. */
function specOf(n: number) {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const json = (schema: unknown) => ({ description: "ok", content: { "application/json": { schema } } });
  const page = [
    { name: "page", in: "query", description: "Page number.", schema: { type: "integer", minimum: 1, default: 1 } },
    { name: "page_size", in: "query", description: "Items per page.", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
  ];
  const id = { name: "id", in: "path", required: true, description: "The id.", schema: { type: "string", pattern: "^x_[a-z0-9]+$" } };
  for (let i = 0; i < n; i++) {
    const ref = { $ref: `#/components/schemas/Thing${i}` };
    schemas[`Thing${i}`] = {
      type: "object",
      properties: Object.fromEntries(Array.from({ length: 12 }, (_, j) => [`field_${j}`, { type: "string", description: `Field ${j} of thing ${i}.`, maxLength: 64 }])),
    };
    const body = { required: true, content: { "application/json": { schema: ref } } };
    paths[`/things${i}`] = {
      get: { operationId: `things${i}.list`, summary: "List", parameters: page, responses: { 200: json({ type: "object", properties: { items: { type: "array", items: ref }, meta: { type: "object", properties: { total: { type: "integer" } } } } }) } },
      post: { operationId: `things${i}.create`, summary: "Create", requestBody: body, responses: { 201: json(ref) } },
    };
    paths[`/things${i}/{id}`] = {
      parameters: [id],
      get: { operationId: `things${i}.get`, summary: "Get", responses: { 200: json(ref) } },
      patch: { operationId: `things${i}.update`, summary: "Update", requestBody: body, responses: { 200: json(ref) } },
    };
  }
  return { openapi: "3.1.0", info: { title: "Scale", version: "1" }, servers: [{ url: "https://x.test" }], paths, components: { schemas } };
}

describe("the CLI's model", () => {
  it.each([
    ["the fixture", generalityModel()],
    ["a conventional spec", buildModel("scale", specOf(3), { specHash: "x" })],
  ])("%s: unpackModel gives back what the CLI reads, and nothing else", (_name, model) => {
    const packed = JSON.parse(/JSON\.parse\((".*")\)\);\n$/.exec(cliModelSource(model, ""))![1]!);
    const restored = unpackModel(JSON.parse(packed));
    expect(restored).toEqual(JSON.parse(JSON.stringify(cliModel(model))));
    const first = restored.operations[0] as unknown as Record<string, unknown>;
    expect(first.responses).toBeUndefined();
    expect(first.exampleParams).toBeUndefined();
  });

  it("a copy per use: changing one operation's schema leaves the others alone", () => {
    const model = unpackModel(packShared(cliModel(buildModel("scale", specOf(1), { specHash: "x" }))));
    const [create, update] = ["things0.create", "things0.update"].map((id) => model.operations.find((op) => op.operationId === id)!);
    (create!.requestBody!.schema as Record<string, unknown>).mutated = true;
    expect(update!.requestBody!.schema).not.toHaveProperty("mutated");
  });

  it("adds far less to the bundle per operation than the whole model did", async () => {
    // what esbuild writes into dist/cli.js: before, the model as an object literal; now the packed string
    const bundled = async (contents: string) =>
      (await build({ stdin: { contents, loader: "ts", resolveDir: process.cwd() }, bundle: true, write: false, format: "esm", external: ["@repo/cli"] })).outputFiles[0]!.text.length;
    const size = async (n: number) => {
      const model = buildModel("scale", specOf(n), { specHash: "x" });
      return {
        full: await bundled(`export const model = ${JSON.stringify(model, null, 2)} as const;`),
        cli: await bundled(cliModelSource(model, "")),
      };
    };
    const [small, large] = [await size(5), await size(25)];
    const perOperation = (key: "full" | "cli") => (large[key] - small[key]) / 80; // 4 operations per resource
    expect(perOperation("cli")).toBeLessThan(perOperation("full") * 0.4);
  });
});
