// Generator generality: a path segment that only looks like a template is refused at generate time
// (one line, no stack trace), and header parameters the client sets itself (Accept, Content-Type,
// Authorization…) are parameters nowhere: not in the model, the runtime's table, the types or the CLI.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { buildModel, operationTable, typesOf } from "@repo/model/build";
import { operationFlags } from "@repo/cli";

type Json = Record<string, unknown>;
const ok = { 200: { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
const doc = (paths: Json, components: Json = {}) => ({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths, components });
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

describe("a path segment that is not a parameter but looks like one is a build error", () => {
  it.each([
    ["/files/<upload_url>", [], /GET \/files\/<upload_url>: the segment "<upload_url>" holds "<".*write it as \{upload_url\}/],
    ["/things/{}", [], /GET \/things\/\{\}: the segment "\{\}" has an empty \{\}/],
    ["/things/{id", [idParam], /the segment "\{id" has unbalanced braces/],
    ["/things/id}", [], /the segment "id}" has unbalanced braces/],
    ["/things/{name}", [idParam], /GET \/things\/\{name\}: \{name\} is not a declared path parameter; declare \{ name: name, in: path/],
    ["/things/a b", [], /the segment "a b" holds " "/],
  ])("%s", (path, parameters, message) => {
    const spec = doc({ [path]: { get: { operationId: "things.get", parameters, responses: ok } } });
    expect(() => buildModel("t", spec, { specHash: "x" })).toThrow(message);
  });

  it.each([
    ["/things/{id}", [idParam]],
    ["/things/{id}.json", [idParam]],
    ["/v1/files:upload/@me/%7E", []],
  ])("%s is fine", (path, parameters) => {
    const spec = doc({ [path]: { get: { operationId: "things.get", parameters, responses: ok } } });
    expect(buildModel("t", spec, { specHash: "x" }).operations[0]!.path).toBe(path);
  });

  it("a build script stops with that one line and no stack trace", () => {
    const build = pathToFileURL(createRequire(import.meta.url).resolve("@repo/model/build")).href;
    const script = `
      const { buildModel, runMain } = await import(${JSON.stringify(build)});
      await runMain(() => buildModel("t", ${JSON.stringify(doc({ "/files/<upload_url>": { put: { operationId: "files.upload", responses: ok } } }))}, { specHash: "x" }));`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, DEBUG: "" } });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^✖ PUT \/files\/<upload_url>: the segment/)]);
  });
});

describe("protocol headers are not parameters", () => {
  const header = (name: string, required = false) => ({ name, in: "header", required, schema: { type: "string" } });
  const spec = doc(
    {
      "/reports/{id}": {
        parameters: [idParam, header("Accept")],
        get: {
          operationId: "reports.get",
          parameters: [{ $ref: "#/components/parameters/ContentType" }, header("Authorization", true), header("content-length"), header("X-Trace")],
          responses: ok,
        },
      },
    },
    { parameters: { ContentType: header("Content-Type", true) } },
  );
  const model = buildModel("t", spec, { specHash: "x" });
  const op = model.operations[0]!;

  it("the model, the runtime's table and the CLI's flags keep the others only", () => {
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(["id", "X-Trace"]);
    expect(operationTable(model).operations["reports.get"]!.params).toEqual({ id: "path", "X-Trace": "header" });
    expect(operationFlags(op).map((f) => f.flag)).toEqual(["id", "x-trace"]);
  });

  it("the generated types do not ask for them", async () => {
    const types: string = await typesOf(spec);
    const start = types.indexOf('"reports.get": {');
    const headerBlock = types.slice(types.indexOf("header", start), types.indexOf("};", types.indexOf("header", start)));
    expect(headerBlock).toContain('"X-Trace"?: string');
    expect(headerBlock).not.toMatch(/Accept|Authorization|Content-Type|content-length/);
  });
});
