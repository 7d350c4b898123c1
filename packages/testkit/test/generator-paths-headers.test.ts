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

describe("a path segment that is not a parameter but looks like one leaves its operation out, with the reason", () => {
  it.each([
    ["/files/<upload_url>", [], /^the segment "<upload_url>" holds "<".*write it as \{upload_url\}/],
    ["/things/{}", [], /^the segment "\{\}" has an empty \{\}/],
    ["/things/{id", [idParam], /the segment "\{id" has unbalanced braces/],
    ["/things/id}", [], /the segment "id}" has unbalanced braces/],
    ["/things/{name}", [idParam], /^\{name\} is not a declared path parameter; declare \{ name: name, in: path/],
    ["/things/a b", [], /the segment "a b" holds " "/],
  ])("%s", (path, parameters, message) => {
    const spec = doc({ [path]: { get: { operationId: "things.get", parameters, responses: ok } }, "/ok": { get: { operationId: "ok.get", responses: ok } } });
    const model = buildModel("t", spec, { specHash: "x" });
    expect(model.operations.map((op) => op.operationId)).toEqual(["ok.get"]);
    expect(model.omitted).toEqual([{ method: "GET", path, operationId: "things.get", reason: expect.stringMatching(message) }]);
  });

  it.each([
    ["/things/{id}", [idParam]],
    ["/things/{id}.json", [idParam]],
    ["/v1/files:upload/@me/%7E", []],
  ])("%s is fine", (path, parameters) => {
    const spec = doc({ [path]: { get: { operationId: "things.get", parameters, responses: ok } } });
    expect(buildModel("t", spec, { specHash: "x" }).operations[0]!.path).toBe(path);
  });

  it("the SDK generator names what it left out, one line each, and goes on", () => {
    const build = pathToFileURL(createRequire(import.meta.url).resolve("@repo/model/build")).href;
    const spec = doc({ "/files/<upload_url>": { put: { operationId: "files.upload", responses: ok } }, "/ok": { get: { operationId: "ok.get", responses: ok } } });
    const script = `
      const { buildModel, omittedLines, runMain } = await import(${JSON.stringify(build)});
      await runMain(() => {
        const model = buildModel("t", ${JSON.stringify(spec)}, { specHash: "x" });
        for (const line of omittedLines(model)) process.stderr.write(line + "\\n");
        console.log(model.operations.length);
      });`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, DEBUG: "" } });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("1");
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^! left out PUT \/files\/<upload_url>: the segment/)]);
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
