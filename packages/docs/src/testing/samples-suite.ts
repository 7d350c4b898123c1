// The code samples the docs show for every operation (src/samples.ts, the generator the docs build
// runs), proven against this package's own build and the API's Prism mock (started with --errors,
// so a request that breaks the spec fails): TypeScript type-checked against the SDK by tsc in one batch
// and run with Node, curl and the CLI run through bash, JavaScript (fetch) run with Node, and Python must
// send what curl sends. Each SDK package runs it for itself, after its own build. The TypeScript and
// fetch samples of all operations run in one Node process per language (sample-runner.mjs): a Node start
// per sample was most of their cost; each still must finish without an error and with nothing on stderr.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type RunningPrism } from "@repo/mock-server";
import { answerOf, codeSamples, downloadName, SAMPLE_LABELS, sampleUploads, serverOf, TOKEN_PLACEHOLDER, type CodeSample } from "../samples.js";
import { expectDeclaredStatus } from "@repo/testkit/answer-status";
import type { SdkPackage } from "@repo/testkit/package";
import { run, tscBin, type Ran } from "@repo/testkit/run-program";
import { fromCurl, fromPython } from "./sample-requests.js";

export function docsSamplesSuite(pkg: SdkPackage, options: { token: string }): void {
  const model = pkg.model;
  const operations = model.operations.map((op) => [op.operationId, op] as const);
  const samples = new Map<string, CodeSample[]>(model.operations.map((op) => [op.operationId, codeSamples(model, op)]));
  const sampleOf = (id: string, label: string) => {
    const sample = samples.get(id)?.find((s) => s.label === label);
    if (!sample) throw new Error(`${pkg.name}: no ${label} sample for ${id}`);
    return sample.source;
  };
  const server = model.servers[0] ?? "";
  // inside the package, so the samples' `import … from "<name>"` finds it by self-reference (its exports)
  const dir = join(pkg.dir, "test-output", "docs-samples");
  let mock: RunningPrism;
  let typeCheck: Ran;
  /** What each TypeScript (compiled) and fetch sample did, by operationId, from one runner process per language. */
  const ran: Record<"ts" | "fetch", Record<string, { error: string | null; stderr: string }>> = { ts: {}, fetch: {} };
  /** Runs `files` (operationId → file) in one Node process; its own failure is every sample's. */
  const runBatch = async (files: Array<[string, string]>, env: Record<string, string>) => {
    const resultsFile = join(dir, `ran-${Math.random().toString(36).slice(2)}.json`);
    const runner = await run(process.execPath, [fileURLToPath(new URL("./sample-runner.mjs", import.meta.url)), resultsFile, ...files.map(([, file]) => file)], env, undefined, dir);
    const byFile = runner.code === 0 ? (JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, { error: string | null; stderr: string }>) : {};
    return Object.fromEntries(files.map(([id, file]) => [id, byFile[file] ?? { error: `the sample runner exited ${runner.code}: ${runner.stderr}`, stderr: "" }]));
  };
  /** Writes the files the samples of upload operations send (named by sampleUploads) into `where`, where those samples run. */
  const writeUploadFiles = (where: string) => {
    for (const op of model.operations) for (const upload of sampleUploads(op)) writeFileSync(join(where, upload.name), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  };
  /** The servers the samples name, the longest first (one may be a prefix of another): every one is the mock in the runs. */
  const servers = [...new Set([server, ...model.operations.map((op) => serverOf(model, op))])].filter(Boolean).sort((a, b) => b.length - a.length);
  /** A sample as a reader runs it against the mock: the real token, the mock instead of the API's servers. */
  const forMock = (source: string) => servers.reduce((text, from) => text.replaceAll(from, mock.url), source.replaceAll(TOKEN_PLACEHOLDER, options.token));
  /** The SDK sends an operation with a server of its own there, not to the base URL: the runner sends those to the mock too. */
  const reroute = () => ({ SAMPLES_REROUTE: JSON.stringify(servers.map((from) => [from, mock.url])) });
  const env = () => ({ [model.env.baseUrl]: mock.url, XDG_CONFIG_HOME: join(dir, "config") });

  describe(`the ${pkg.name} docs' code samples`, () => {
    beforeAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, "ts"), { recursive: true });
      writeUploadFiles(dir);
      mock = await startPrism(join(pkg.dir, "generated/openapi.json"), { errors: true });
      // one tsc run checks every sample as a reader's strict project would; its output is what the run tests execute
      for (const [id] of operations) writeFileSync(join(dir, "ts", `${id}.ts`), forMock(sampleOf(id, "TypeScript SDK")));
      const base = join(pkg.dir, "../../tsconfig.base.json");
      writeFileSync(join(dir, "ts", "tsconfig.json"), JSON.stringify({ extends: base, compilerOptions: { noEmit: false, rootDir: ".", outDir: "js" }, include: ["*.ts"] }));
      typeCheck = await run(process.execPath, [tscBin(), "-p", join(dir, "ts")]);
      for (const [id] of operations) writeFileSync(join(dir, `fetch-${id}.mjs`), forMock(sampleOf(id, "JavaScript")));
      [ran.ts, ran.fetch] = await Promise.all([
        runBatch(operations.map(([id]) => [id, join(dir, "ts", "js", `${id}.js`)]), { ...env(), ...reroute() }),
        runBatch(operations.map(([id]) => [id, join(dir, `fetch-${id}.mjs`)]), {}),
      ]);
    }, 180_000);
    afterAll(() => mock?.stop());

    it("every operation of the model has a sample in each language the docs list", () => {
      for (const [id] of operations) expect(samples.get(id)?.map((s) => s.label)).toEqual(SAMPLE_LABELS);
    });

    it("type-checks every TypeScript sample against the SDK (tsc, strict)", () => {
      expect(typeCheck.stdout + typeCheck.stderr).toBe("");
      expect(typeCheck.code).toBe(0);
    });

    it.each(operations)("TypeScript SDK %s runs against the mock", (id) => {
      expect(ran.ts[id]?.error ?? null).toBeNull();
      expect(ran.ts[id]?.stderr).toBe("");
    });

    it.concurrent.each(operations)("curl %s gets the success status, with no request violation", async (id, op) => {
      const headersFile = join(dir, `curl-${id}.headers`);
      // curl as the reader types it, plus: fail on an HTTP error, keep the response headers for the checks.
      const script = `cd ${JSON.stringify(dir)}\ncurl() { command curl -sS --fail-with-body -D ${JSON.stringify(headersFile)} "$@"; }\n${forMock(sampleOf(id, "curl"))}\n`;
      const result = await run("bash", ["-e", "-c", script]);
      // curl -sS reports every failure as "curl: (N) …" on stderr; other noise is not the sample's business
      expect(result.stderr, result.stderr).not.toMatch(/^curl:/m);
      expect(result.code, result.stderr).toBe(0);
      const headers = readFileSync(headersFile, "utf8");
      expectDeclaredStatus(op, headers.split(" ")[1]!);
      expect(headers.toLowerCase()).not.toContain("sl-violations");
    }, 60_000);

    it.concurrent.each(operations)("CLI %s runs against the mock", async (id, op) => {
      const bin = join(pkg.dir, pkg.binFile);
      const cwd = join(dir, `cli-${id}`); // where a binary answer's --out-file lands
      mkdirSync(cwd, { recursive: true });
      writeUploadFiles(cwd);
      // $<API>_BASE_URL replaces the API's server only: an operation with a server of its own is sent to the mock by --base-url
      const own = op.servers?.length ? ` --base-url ${JSON.stringify(mock.url)}` : "";
      const script = `cd ${JSON.stringify(cwd)}\n${pkg.name}() { ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} "$@"${own}; }\n${forMock(sampleOf(id, "CLI"))}\n`;
      const result = await run("bash", ["-e", "-c", script], env());
      expect(result.code, result.stderr).toBe(0);
      // the CLI prints a JSON or text answer, saves a binary one to its --out-file, and prints nothing for none
      const answer = answerOf(op);
      expect(result.stdout.trim() !== "").toBe(answer === "json" || answer === "text");
      if (answer === "blob") expect(statSync(join(cwd, downloadName(op))).size).toBeGreaterThan(0);
    }, 60_000);

    it.each(operations)("JavaScript (fetch) %s runs against the mock", (id) => {
      expect(ran.fetch[id]?.error ?? null).toBeNull();
      expect(ran.fetch[id]?.stderr).toBe("");
    });

    it.each(operations)("Python %s sends the URL, headers and body of the curl sample", (id) => {
      expect(fromPython(sampleOf(id, "Python"))).toEqual(fromCurl(sampleOf(id, "curl")));
    });
  });
}
