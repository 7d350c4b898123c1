// The sample generator (src/samples.ts) on a small spec that exercises what the two real specs
// may not: query lists, header parameters, a body under `body` (a property clashes with a parameter),
// a nested body (sent with --data), a parameter named like a global CLI flag, an anonymous operation,
// uploads (a body of bytes, a multipart form with a file).
// curl and fetch samples run against Prism serving that spec; Python must send what curl sends.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startPrism, type RunningPrism } from "@repo/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel, servedBundle } from "@repo/model/build";
import { globalFlags, operationFlags } from "@repo/cli";
import { cliSample, curlSample, javascriptSample, pythonSample, typescriptSample } from "../src/samples.js";
import { run } from "@repo/testkit/run-program";
import { fromCurl, fromPython } from "@repo/docs/sample-requests";

const server = "https://api.example.test/v2";
const ok = { "200": { description: "OK", content: { "application/json": { schema: { type: "object" }, example: { ok: true } } } } };
/** An operation on one thing (`/things/{id}…`) that takes a body of `mediaType`. */
const thingOp = (operationId: string, mediaType: string, media: object) => ({
  operationId,
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" }, example: "th_1" }],
  requestBody: { required: true, content: { [mediaType]: media } },
  responses: ok,
});
const doc = {
  openapi: "3.1.0",
  info: { title: "Sample API", version: "2.0.0" },
  servers: [{ url: server }],
  security: [{ key: [] }],
  components: {
    securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Api-Key" } },
    schemas: {
      Action: { type: "object", required: ["type"], properties: { type: { type: "string", enum: ["start", "reboot", "snapshot"], example: "reboot" } } },
      Snapshot: { allOf: [{ $ref: "#/components/schemas/Action" }, { type: "object", properties: { name: { type: "string" } } }] },
    },
  },
  paths: {
    "/ping": { get: { operationId: "ping", security: [], responses: ok } },
    // answers that are not JSON: asked for by their media type, printed as text or saved as bytes
    "/reports/usage": {
      get: { operationId: "reports.usage", responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" }, example: "day,calls\n2026-01-01,42\n" } } } } },
    },
    "/reports/invoice": {
      get: { operationId: "reports.invoice", responses: { "200": { description: "PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" }, example: "%PDF-1.7 sample" } } } } },
    },
    "/things": {
      get: {
        operationId: "things.search",
        parameters: [
          { name: "tag", in: "query", required: true, schema: { type: "array", items: { type: "string" } }, example: ["blue", "green"] },
          { name: "data", in: "query", required: true, schema: { type: "string" }, example: "full" },
          { name: "X-Trace", in: "header", required: true, schema: { type: "string" }, example: "trace 1" },
          // a header the client sets itself: OpenAPI ignores it, and so does the bundle the mocks serve
          { name: "Accept", in: "header", required: true, schema: { type: "string", enum: ["application/json", "application/yaml"] } },
        ],
        responses: ok,
      },
    },
    // uploads: a body of bytes, and a form with a file field next to a text field
    "/things/{id}/photo": {
      put: thingOp("things.photo", "image/png", { schema: { type: "string", format: "binary" } }),
    },
    "/things/{id}/files": {
      post: thingOp("things.attach", "multipart/form-data", {
        schema: { type: "object", required: ["title", "file"], properties: { title: { type: "string", example: "Q3 notes" }, file: { type: "string", format: "binary" } } },
      }),
    },
    // a flat body whose example leaves a nullable field empty: null has no flag spelling
    "/things/{id}/rating": {
      post: thingOp("things.rate", "application/json", {
        schema: { type: "object", required: ["stars"], properties: { stars: { type: "integer" }, note: { type: ["string", "null"] } } },
        example: { stars: 5, note: null },
      }),
    },
    // members that overlap (a snapshot is an action with a name: every body matches both) under a
    // discriminator whose mapping leaves out the example's value (DigitalOcean's droplet actions)
    "/things/{id}/actions": {
      post: thingOp("things.act", "application/json", {
        schema: {
          oneOf: [{ $ref: "#/components/schemas/Action" }, { $ref: "#/components/schemas/Snapshot" }],
          discriminator: { propertyName: "type", mapping: { start: "#/components/schemas/Action", snapshot: "#/components/schemas/Snapshot" } },
        },
      }),
    },
    "/things/{id}": {
      put: thingOp("things.replace", "application/json", {
        schema: {
          type: "object",
          additionalProperties: false,
          required: ["id", "spec"],
          properties: { id: { type: "string" }, spec: { type: "object", properties: { size: { type: "integer" } } } },
        },
        example: { id: "th_1", spec: { size: 3 } },
      }),
    },
  },
};
const model = buildModel("sample", servedBundle(doc).doc, { specHash: "" }); // as an SDK package builds it
const op = (id: string) => model.operations.find((o) => o.operationId === id)!;
const dir = fileURLToPath(new URL("../test-output/samples-generator/", import.meta.url));
let prism: RunningPrism;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  // the files the upload samples send, beside them
  writeFileSync(`${dir}photo.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(`${dir}file.bin`, "some bytes\n");
  writeFileSync(`${dir}openapi.json`, JSON.stringify(servedBundle(doc).doc)); // as an SDK package serves its spec
  prism = await startPrism(`${dir}openapi.json`, { errors: true });
}, 60_000);
afterAll(() => prism?.stop());

const forMock = (source: string) => source.replaceAll("<TOKEN>", "k_123").replaceAll(server, prism.url);

describe.each(["ping", "things.search", "things.replace", "things.rate", "things.act", "things.photo", "things.attach", "reports.usage", "reports.invoice"])("%s", (id) => {
  it("curl reaches the mock with no request violation", async () => {
    const script = `cd ${JSON.stringify(dir)}\ncurl() { command curl -sS --fail-with-body -D ${JSON.stringify(`${dir}${id}.headers`)} "$@"; }\n${forMock(curlSample(model, op(id)))}\n`;
    const result = await run("bash", ["-e", "-c", script]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  }, 30_000);

  it("fetch reaches the mock with no request violation", async () => {
    writeFileSync(`${dir}${id}.mjs`, forMock(javascriptSample(model, op(id))));
    const result = await run(process.execPath, [`${dir}${id}.mjs`], {}, undefined, dir);
    expect(result.code, result.stderr).toBe(0);
    if (id === "reports.usage") expect(result.stdout).toBe("day,calls\n2026-01-01,42\n\n"); // the text as it came
    if (id === "reports.invoice") expect(result.stdout).toMatch(/^\d+ bytes\n$/);
  }, 30_000);

  it("Python sends the URL, headers and body of the curl sample", () => {
    expect(fromPython(pythonSample(model, op(id)))).toEqual(fromCurl(curlSample(model, op(id))));
  });
});

describe("samples of an answer that is not JSON", () => {
  it("ask for its media type and read it as text", () => {
    expect(curlSample(model, op("reports.usage"))).toContain("-H 'Accept: text/csv'");
    expect(pythonSample(model, op("reports.usage"))).toMatch(/\nprint\(response\.text\)\n$/);
    expect(javascriptSample(model, op("reports.usage"))).toContain("console.log(await response.text());");
  });

  it("save bytes to a file named after the operation", () => {
    expect(curlSample(model, op("reports.invoice"))).toContain("-H 'Accept: application/pdf'");
    expect(pythonSample(model, op("reports.invoice"))).toContain('with open("invoice.pdf", "wb") as file:\n    file.write(response.content)');
    expect(cliSample(model, op("reports.invoice"))).toMatch(/--out-file invoice\.pdf$/);
  });
});

describe("samples of an upload", () => {
  it("send a body of bytes from a file named after the operation", () => {
    expect(curlSample(model, op("things.photo"))).toContain("-H 'Content-Type: image/png' \\\n  --data-binary @photo.png");
    expect(typescriptSample(model, op("things.photo"))).toMatch(/^import \{ openAsBlob \} from "node:fs";\n[\s\S]*body: await openAsBlob\("photo\.png"\)/);
    expect(cliSample(model, op("things.photo"))).toMatch(/--id th_1 \\\n  --file photo\.png$/);
    expect(pythonSample(model, op("things.photo"))).toContain('data=open("photo.png", "rb"),');
    expect(javascriptSample(model, op("things.photo"))).toContain('body: await openAsBlob("photo.png"),');
  });

  it("send a form's file from a file named after its field, its other fields as text, and let the client write the boundary", () => {
    const curl = curlSample(model, op("things.attach"));
    expect(curl).toContain("-F 'title=Q3 notes' \\\n  -F file=@file.bin");
    expect(curl).not.toContain("Content-Type");
    expect(typescriptSample(model, op("things.attach"))).toMatch(/body: \{\n\s+title: "Q3 notes",\n\s+file: await openAsBlob\("file\.bin"\),/);
    expect(cliSample(model, op("things.attach"))).toMatch(/--data '\{"title":"Q3 notes"\}' \\\n  --file file\.bin$/);
    const python = pythonSample(model, op("things.attach"));
    expect(python).toContain('files={"file": open("file.bin", "rb")}');
    expect(python).not.toContain("Content-Type");
    const fetchSample = javascriptSample(model, op("things.attach"));
    expect(fetchSample).toContain('form.append("file", await openAsBlob("file.bin"), "file.bin");');
    expect(fetchSample).toContain("body: form,");
    expect(fetchSample).not.toContain("Content-Type");
  });
});

describe("CLI samples", () => {
  it("name every flag as the CLI does (a parameter named like a global flag gets a location prefix)", () => {
    const globals = ["data", "file", "wait", "out-file"].filter((flag) => globalFlags.some((g) => g.flag === flag));
    expect(globals).toHaveLength(4);
    for (const operation of model.operations) {
      const known = new Set([...operationFlags(operation).map((f) => f.flag), ...globals]);
      const used = [...cliSample(model, operation).matchAll(/ --([a-z0-9-]+)/g)].map((m) => m[1]!);
      for (const flag of used) expect(known, `${operation.operationId}: --${flag}`).toContain(flag);
    }
  });

  it.each([
    ["ping", "sample ping"],
    ["things.search", "export SAMPLE_TOKEN='<TOKEN>'\nsample things/search \\\n  --tag blue \\\n  --tag green \\\n  --query-data full \\\n  --x-trace 'trace 1'"],
    ["things.rate", `export SAMPLE_TOKEN='<TOKEN>'\nsample things/rate \\\n  --id th_1 \\\n  --data '{"stars":5,"note":null}'`],
    ["things.replace", `export SAMPLE_TOKEN='<TOKEN>'\nsample things/replace \\\n  --id th_1 \\\n  --data '{"id":"th_1","spec":{"size":3}}'`],
  ])("%s", (id, want) => {
    expect(cliSample(model, op(id))).toBe(want);
  });
});

describe("path examples that would leave their template", () => {
  it.each(["..", ".", ""])("an example %j fails the build, naming the operation and the parameter", (example) => {
    const things = doc.paths["/things/{id}"].put;
    const broken = { ...doc, paths: { "/things/{id}": { put: { ...things, parameters: [{ ...things.parameters[0], example }] } } } };
    const brokenModel = buildModel("sample", broken, { specHash: "" });
    const replace = brokenModel.operations.find((o) => o.operationId === "things.replace")!;
    for (const sample of [curlSample, cliSample, pythonSample, javascriptSample]) {
      expect(() => sample(brokenModel, replace)).toThrow(`things.replace: the example of path parameter "id" is ${JSON.stringify(example)}`);
    }
  });

  it("any other value is encoded into its one segment", () => {
    const things = doc.paths["/things/{id}"].put;
    const odd = { ...doc, paths: { "/things/{id}": { put: { ...things, parameters: [{ ...things.parameters[0], example: "../a b/%2e" }] } } } };
    const oddModel = buildModel("sample", odd, { specHash: "" });
    expect(curlSample(oddModel, oddModel.operations[0]!)).toContain(`${server}/things/..%2Fa%20b%2F%252e`);
  });
});

describe("a discriminated body whose members overlap", () => {
  it("sends a value the discriminator's mapping names (the spec's example, `reboot`, names none), which the mock takes (above)", () => {
    expect(op("things.act").exampleParams).toEqual({ id: "th_1", type: "start" });
  });
});
