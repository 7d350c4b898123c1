// Every generated code sample is proven against the API's Prism mock (started with --errors, so a
// request that violates the spec fails): TypeScript type-checked against the SDK by tsc and run
// (tsc's output) with Node, curl and the CLI run through bash, JavaScript (fetch) run with Node; Python must send what curl sends.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startMock, type RunningMock } from "@repo/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apis, builtApi, sampleOf } from "./helpers/built.js";
import { binOf, run, tscBin, type Ran } from "./helpers/exec.js";
import { fromCurl, fromPython } from "./helpers/requests.js";

const TOKEN = "docs_sample_token_4eC39HqLyjWDarjtT1zdp7dc";
const outDir = fileURLToPath(new URL("../test-output/samples/", import.meta.url));

describe.each(apis)("%s code samples", (api) => {
  const built = builtApi(api);
  const operations = built.operations.map((op) => [op.operationId, op] as const);
  const server = built.servers[0] ?? "";
  const dir = `${outDir}${api}/`;
  let mock: RunningMock;
  let typeCheck: Ran;
  /** A sample as a reader runs it against the mock: the real token, the mock instead of the server. */
  const forMock = (source: string) => source.replaceAll("<TOKEN>", TOKEN).replaceAll(server, mock.url);
  const env = () => ({ [built.env.baseUrl]: mock.url, XDG_CONFIG_HOME: `${dir}config` });

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    mock = await startMock(api, { errors: true });
    // tsc checks the samples as a reader's strict project would, and its output is what the run tests execute.
    const tsDir = `${dir}ts/`;
    mkdirSync(tsDir, { recursive: true });
    for (const op of built.operations) writeFileSync(`${tsDir}${op.operationId}.ts`, forMock(sampleOf(built, op.operationId, "TypeScript SDK")));
    const base = fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url));
    writeFileSync(`${tsDir}tsconfig.json`, JSON.stringify({ extends: base, compilerOptions: { noEmit: false, outDir: "js" }, include: ["*.ts"] }));
    typeCheck = await run(process.execPath, [tscBin(), "-p", tsDir]);
  }, 120_000);
  afterAll(() => mock?.stop());

  it("every operation of the model has curl, TypeScript SDK, CLI, Python and JavaScript samples", () => {
    expect(Object.keys(built.samples).sort()).toEqual(built.operations.map((op) => op.operationId).sort());
    for (const samples of Object.values(built.samples)) {
      expect(samples.map((s) => s.label)).toEqual(["curl", "TypeScript SDK", "CLI", "Python", "JavaScript"]);
    }
  });

  it("type-checks every TypeScript sample against the SDK (tsc, strict)", () => {
    expect(typeCheck.stdout + typeCheck.stderr).toBe("");
    expect(typeCheck.code).toBe(0);
  });

  it.concurrent.each(operations)("TypeScript SDK %s runs against the mock", async (id) => {
    const result = await run(process.execPath, [`${dir}ts/js/${id}.js`], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
  }, 60_000);

  it.concurrent.each(operations)("curl %s gets the success status, with no request violation", async (id, op) => {
    const headersFile = `${dir}curl-${id}.headers`;
    // curl as the reader types it, plus: fail on an HTTP error, keep the response headers for the checks.
    const script = `curl() { command curl -sS --fail-with-body -D ${JSON.stringify(headersFile)} "$@"; }\n${forMock(sampleOf(built, id, "curl"))}\n`;
    const result = await run("bash", ["-e", "-c", script]);
    // curl -sS reports every failure as "curl: (N) …" on stderr; other noise (e.g. a shell's own
    // environment hooks on this machine) is not the sample's business.
    expect(result.stderr, result.stderr).not.toMatch(/^curl:/m);
    expect(result.code, result.stderr).toBe(0);
    const headers = readFileSync(headersFile, "utf8");
    expect(headers.split(" ")[1]).toBe(op.successStatus);
    expect(headers.toLowerCase()).not.toContain("sl-violations");
  }, 60_000);

  it.concurrent.each(operations)("CLI %s runs against the mock", async (id, op) => {
    const cli = binOf(api, api);
    const script = `${api}() { ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} "$@"; }\n${forMock(sampleOf(built, id, "CLI"))}\n`;
    const result = await run("bash", ["-e", "-c", script], env());
    expect(result.code, result.stderr).toBe(0);
    // the CLI prints the response body; an operation without one prints nothing
    expect(result.stdout.trim() !== "").toBe(Boolean(op.successStatus && op.responses[op.successStatus]?.hasBody));
  }, 60_000);

  it.concurrent.each(operations)("JavaScript (fetch) %s runs against the mock", async (id) => {
    const file = `${dir}fetch-${id}.mjs`;
    writeFileSync(file, forMock(sampleOf(built, id, "JavaScript")));
    const result = await run(process.execPath, [file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);

  it.each(operations)("Python %s sends the URL, headers and body of the curl sample", (id) => {
    expect(fromPython(sampleOf(built, id, "Python"))).toEqual(fromCurl(sampleOf(built, id, "curl")));
  });
});
