// Test suites every SDK package runs the same way (Node only, never in an SDK bundle). Each reads the
// package's own package.json, generated model and bundled spec, so a package's test file only names
// its directory, its client and the values no file holds (test tokens, the calls a packed install makes).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cliArgs } from "@repo/cli";
import { commandName, type ApiModel, type ModelOperation } from "@repo/model";
import { binHarness, installPacked, parseHead, type Harness } from "./bin-harness.js";
import { packAndInstall, type InstalledPackage } from "./pack.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock started by the package's test/global-setup.ts. */
    mockUrl: string;
  }
}

type Json = Record<string, any>;
type SuiteOperation = ModelOperation;

/** What a package's directory holds that the suites derive their values from. */
export interface SdkPackage {
  dir: string;
  packageJson: Json;
  /** The API's name: the package, its bin and its import specifier. */
  name: string;
  /** The bin's path inside the package (package.json `bin`). */
  binFile: string;
  model: ApiModel;
  spec: Json;
}

/** Reads package.json, generated/model.json and generated/openapi.json of the package at `dir`. */
export function sdkPackage(dir: string): SdkPackage {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));
  const packageJson = read("package.json");
  const name: string = packageJson.name;
  return { dir, packageJson, name, binFile: packageJson.bin[name], model: read("generated/model.json"), spec: read("generated/openapi.json") };
}

type Method = (params?: Record<string, unknown>) => { withResponse(): Promise<{ data: unknown; response: Response }> };
type ClientClass = new (token: string, options: { baseUrl: string; fetch: typeof fetch; maxRetries: number }) => object;

/**
 * Every operation of the spec, called through the SDK's generated methods against the Prism mock with
 * params built from the spec's own examples (model.json's exampleParams): each must answer its
 * success status with no request violation, and together they must cover every operationId.
 */
export function sdkOperationsSuite(pkg: SdkPackage, options: { ApiClient: ClientClass; token: string }): void {
  const operations = pkg.model.operations;
  /** The operationIds of the bundled spec itself, not of the model the SDK is built from. */
  const specOperationIds = Object.values(pkg.spec.paths as Record<string, Record<string, { operationId?: string }>>)
    .flatMap((item) => Object.values(item).map((op) => op?.operationId))
    .filter((id): id is string => typeof id === "string")
    .sort();

  /** The operation a request reached, by method and path template, recorded by the fetch the SDK uses. */
  const exercised = new Set<string>();
  const templates = operations.map((op) => ({ op, pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`) }));
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const base = new URL(inject("mockUrl")).pathname.replace(/\/$/, "");
    const path = url.pathname.slice(base.length) || "/";
    const match = templates.find(({ op, pattern }) => op.method === method && pattern.test(path));
    if (match) exercised.add(match.op.operationId);
    return fetch(input, init);
  };
  const methodOf = (client: object, op: SuiteOperation): Method => {
    const owner = (op.namespace ? (client as Record<string, unknown>)[op.namespace] : client) as Record<string, Method>;
    return owner[op.name] as Method;
  };

  describe(`every operation through the ${pkg.name} SDK`, () => {
    const client = new options.ApiClient(options.token, { baseUrl: inject("mockUrl"), fetch: recordingFetch, maxRetries: 0 });

    it.each(operations.map((op) => [op.operationId, op] as const))("%s", async (_id, op) => {
      const { response } = await methodOf(client, op)(op.exampleParams).withResponse();
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(String(response.status)).toBe(op.successStatus);
    });

    it("the calls above reached every operationId of the spec, and nothing else", () => {
      expect([...exercised].sort()).toEqual(specOperationIds);
    });
  });
}

/**
 * The call a suite makes to show that a package works: the model's login operation (what `login` checks
 * a token with), else the first GET whose spec examples give every parameter it needs.
 */
export function probeOperation(pkg: SdkPackage): SuiteOperation {
  const ops = pkg.model.operations;
  const login = ops.find((op) => op.operationId === pkg.model.login);
  const answersJson = (op: SuiteOperation) => Boolean(op.successStatus && op.responses[op.successStatus]?.hasBody);
  const probe = login ?? ops.find((op) => op.method === "GET" && answersJson(op) && !/\{/.test(op.path)) ?? ops.find((op) => op.method === "GET" && answersJson(op));
  if (!probe) throw new Error(`${pkg.name}: no operation to probe the package with: mark one GET operation with x-cli-login: true.`);
  return probe;
}

/**
 * The pack suite's calls for any API, from the model: the probe operation through the SDK method and
 * through `raw`, with and without a token. What they must print is what the mock answers the same
 * request over plain HTTP, so the suite proves the packed SDK returns the API's answer untouched.
 */
export function derivedPackUsage(pkg: SdkPackage, token: string): PackUsage {
  const op = probeOperation(pkg);
  const call = `${op.namespace ? `client.${op.namespace}` : "client"}.${op.name}`;
  const params = JSON.stringify(op.exampleParams);
  const query = new URLSearchParams(
    op.parameters.filter((p) => p.in === "query" && op.exampleParams[p.name] !== undefined).map((p) => [p.name, String(op.exampleParams[p.name])]),
  );
  const path = `${op.path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(String(op.exampleParams[name])))}${query.size ? `?${query}` : ""}`;
  return {
    imports: ["ApiClient", "ApiError"],
    calls: `
  delete process.env[${JSON.stringify(pkg.model.env.token)}]; // the anonymous call below must send no token, whatever the shell has
  const client = new ApiClient(${JSON.stringify(token)}, { baseUrl: process.env.MOCK_URL, maxRetries: 0 });
  const data = await ${call}(${params});
  const error = await new ApiClient(undefined, { baseUrl: process.env.MOCK_URL, maxRetries: 0 }).${call.slice("client.".length)}(${params}).then(() => null, (e) => [e instanceof ApiError, e.status]);
  console.log(JSON.stringify({ data, error }));
`,
    expected: async () => {
      const url = `${inject("mockUrl")}${path}`;
      const answer = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
      const anonymous = await fetch(url, { headers: { accept: "application/json" } });
      return { data: await answer.json(), error: anonymous.ok ? null : [true, anonymous.status] };
    },
    typedImports: ["ApiClient"],
    typed: `
      const client = new ApiClient("token");
      export async function main(): Promise<unknown> {
        const data = await ${call}(${params});
        // @ts-expect-error not an operation of the API
        await client.notAnOperationOfTheApi();
        return data;
      }`,
  };
}

/** The properties the spec requires in the JSON body of `op`'s success response. */
function requiredProperties(pkg: SdkPackage, op: SuiteOperation): string[] {
  const resolve = (node: Json): Json =>
    typeof node.$ref === "string" ? resolve(node.$ref.slice(2).split("/").reduce((at: Json, key: string) => at[key], pkg.spec)) : node;
  const response = resolve(pkg.spec.paths[op.path][op.method.toLowerCase()].responses[op.successStatus!]);
  return resolve(response.content["application/json"].schema).required ?? [];
}

/**
 * The bin as npm installs it: `npm pack` the package, unpack it into a fresh node_modules next to its
 * runtime dependencies, and run it through the node_modules/.bin link, like `npx <api>`. The command
 * run is the one `login` checks a token with (the model's `login`).
 */
export function cliPackageSuite(pkg: SdkPackage, options: { token: string }): void {
  const { name, token } = { name: pkg.name, token: options.token };
  const login = probeOperation(pkg);

  describe(`the installed ${name} bin`, () => {
    let install: ReturnType<typeof installPacked>;
    let cli: Harness;
    beforeAll(() => {
      install = installPacked(pkg.dir, name);
      cli = binHarness(install.bin, join(install.root, "config"));
    }, 60_000);
    afterAll(() => install.remove());

    it(`runs \`${commandName(login)}\` from the packed files alone`, async () => {
      const result = await cli.run([...cliArgs(login, login.exampleParams), "--base-url", inject("mockUrl"), "--token", token]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const body = JSON.parse(result.stdout);
      const required = requiredProperties(pkg, login);
      expect(required.length).toBeGreaterThan(0);
      for (const property of required) expect(body).toHaveProperty(property);
    });

    it("`mcp` serves every operation as a tool from the packed files alone, and answers before stdin's end stops it", async () => {
      const message = (id: number | undefined, method: string, params?: Json) => JSON.stringify({ jsonrpc: "2.0", ...(id === undefined ? {} : { id }), method, ...(params ? { params } : {}) });
      const input = [
        message(1, "initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "pipe", version: "0" } }),
        message(undefined, "notifications/initialized"),
        message(2, "tools/list"),
        message(3, "tools/call", { name: login.operationId.replaceAll(".", "_"), arguments: login.exampleParams }),
      ].join("\n");
      const result = await cli.run(["mcp", "--base-url", inject("mockUrl")], { input: `${input}\n`, env: { [pkg.model.env.token]: token } });
      expect(result.code, result.stderr).toBe(0);
      const answers = new Map(result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Json).map((answer) => [answer.id, answer]));
      const names = (answers.get(2)?.result.tools as Json[]).map((tool) => tool.name).sort();
      expect(names).toEqual(pkg.model.operations.map((op) => op.operationId.replaceAll(".", "_")).sort());
      const call = answers.get(3)?.result;
      expect(call.isError).toBeFalsy();
      for (const property of requiredProperties(pkg, login)) expect(JSON.parse(call.content[0].text)).toHaveProperty(property);
      expect(cli.transcript()).not.toContain(token);
    });

    it("--mock without Prism installed says what to install (exit 1, no stack trace)", async () => {
      const result = await cli.run([commandName(login), "--mock"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Error: --mock could not start the mock: .*\n[\s\S]*@stoplight\/prism-cli/);
      expect(result.stderr).not.toContain("bug");
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(cli.transcript()).not.toContain(token);
    });
  });

  it(`the ${name} bin says to build first when dist/cli.js is missing (exit 1, no stack trace)`, async () => {
    const root = mkdtempSync(join(tmpdir(), `${name}-unbuilt-`));
    mkdirSync(join(root, "bin"));
    copyFileSync(join(pkg.dir, pkg.binFile), join(root, pkg.binFile));
    const result = await binHarness(join(root, pkg.binFile), join(root, "config")).run(["--help"]);
    rmSync(root, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${name} is not built yet: run \`pnpm build\` (dist/cli.js is missing).\n`);
  });
}

/**
 * The built `<api>/mock` entry, ESM and CJS: startMock() serves the package's own spec, its client() is
 * the package's ApiClient, and `prefer` picks one of the probe operation's documented error scenarios,
 * which surfaces as the package's ApiError.
 */
export function mockEntrySuite(pkg: SdkPackage): void {
  const require = createRequire(join(pkg.dir, "package.json"));
  const op = probeOperation(pkg);
  const errorStatus = Number(Object.keys(op.responses).find((status) => /^[45]\d\d$/.test(status) && status !== "401"));

  describe.each(["esm", "cjs"] as const)(`${pkg.name}/mock (%s)`, (format) => {
    it("serves the shipped spec; client() is the package's ApiClient; prefer picks an error scenario", async () => {
      const dist = join(pkg.dir, "dist");
      const sdk = format === "esm" ? await import(join(dist, "index.js")) : require(join(dist, "index.cjs"));
      const { startMock } = format === "esm" ? await import(join(dist, "mock.js")) : require(join(dist, "mock.cjs"));
      const mock = await startMock();
      try {
        expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const client = mock.client();
        expect(client).toBeInstanceOf(sdk.ApiClient);
        const { response } = await client.request(op.operationId, op.exampleParams);
        expect(response.ok).toBe(true);
        expect(response.headers.get("sl-violations")).toBeNull();
        if (!errorStatus) return; // the operation documents no error but 401: nothing to pick
        const failure = await client.request(op.operationId, op.exampleParams, { prefer: { code: errorStatus } }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(sdk.ApiError);
        expect((failure as { status: number }).status).toBe(errorStatus);
      } finally {
        await mock.stop();
      }
    });
  });
}

/** What a packed install runs: the same `calls` from ESM and CJS, and a TypeScript consumer's source. */
export interface PackUsage {
  /** Names imported from the package by `calls`. */
  imports: string[];
  /** Statements (top-level await allowed) that print one JSON line, run with MOCK_URL set. */
  calls: string;
  /** What `calls` must print, derived from the spec's examples (or from what the mock answers). */
  expected: () => unknown;
  /** Names imported from the package by `typed`. */
  typedImports: string[];
  /** A TypeScript module using the package; `@ts-expect-error` lines check its types are precise. */
  typed: string;
}

/**
 * The package as published: `pnpm pack`, installed with npm into a project outside the workspace,
 * then imported (ESM) and required (CJS) and called against the Prism mock.
 */
export function sdkPackSuite(pkg: SdkPackage, usage: PackUsage): void {
  const name = pkg.name;
  describe(`the packed ${name} package`, () => {
    let installed: InstalledPackage;
    beforeAll(() => {
      if (!existsSync(join(pkg.dir, "dist/index.js"))) throw new Error(`dist/ is missing: run \`pnpm --filter ${name} build\` first.`);
      installed = packAndInstall(pkg.dir);
    }, 180_000);
    afterAll(() => installed?.remove());

    it("works with import (ESM)", async () => {
      const out = installed.run("main.mjs", `import { ${usage.imports.join(", ")} } from "${name}";\n${usage.calls}`, { MOCK_URL: inject("mockUrl") });
      expect(JSON.parse(out)).toEqual(await usage.expected());
    });

    it("works with require (CJS)", async () => {
      const source = `const { ${usage.imports.join(", ")} } = require("${name}");\n(async () => {${usage.calls}})();`;
      const out = installed.run("main.cjs", source, { MOCK_URL: inject("mockUrl") });
      expect(JSON.parse(out)).toEqual(await usage.expected());
    });

    it("its bundled types are precise for TypeScript users of both module systems", () => {
      const names = usage.typedImports.join(", ");
      installed.typecheck({
        "typed.mts": `import { ${names} } from "${name}";\n${usage.typed}`,
        "typed.cts": `import sdk = require("${name}");\nconst { ${names} } = sdk;\n${usage.typed}`,
      });
    }, 120_000);

    it("ships only what runs, depending only on openapi-fetch at run time", () => {
      const manifest = JSON.parse(readFileSync(`${installed.dir}/node_modules/${name}/package.json`, "utf8"));
      expect(Object.keys(manifest.dependencies ?? {})).toEqual(["openapi-fetch"]);
      const dist = readFileSync(`${installed.dir}/node_modules/${name}/dist/index.js`, "utf8");
      expect(dist).not.toMatch(/@repo\/|from ["']node:/);
    });

    it("publint and @arethetypeswrong/cli report no problems with the packed tarball", () => {
      // the same checks as `pnpm check:package`, on the very tarball installed above
      const bin = (command: string) => join(pkg.dir, "node_modules/.bin", command);
      const lint = (command: string, args: string[]) => () => execFileSync(bin(command), args, { encoding: "utf8", stdio: "pipe" });
      expect(lint("publint", ["run", installed.tarball, "--strict"])).not.toThrow();
      expect(lint("attw", [installed.tarball, "--profile", "node16"])).not.toThrow();
    }, 120_000);
  });
}

/**
 * A harness around the package's bin (package.json `bin`) with a fresh config directory; the file's
 * tests stop at once with what to do when dist/cli.js is not built, and end by checking that nothing
 * the bin printed contains `token`.
 */
export function builtBinHarness(pkg: SdkPackage, token: string): Harness {
  const cli = binHarness(join(pkg.dir, pkg.binFile), mkdtempSync(join(tmpdir(), `${pkg.name}-cli-`)));
  beforeAll(() => {
    const built = join(pkg.dir, "dist/cli.js");
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm build\` first.`);
  });
  afterAll(() => {
    expect(cli.transcript()).not.toContain(token);
  });
  return cli;
}

/**
 * Every operation of the model through the package's CLI (`cli` runs its bin) against the Prism mock,
 * from the model's example params (plus `extraParams(op)`): each exits 0 with its success status, no
 * request violation and a JSON body; together they cover every operationId. The token is sent by
 * the model's env variable (`tokenVia: "env"`) or by `--token`.
 */
export function cliOperationsSuite(
  pkg: SdkPackage,
  cli: Harness,
  options: { token: string; tokenVia: "env" | "flag"; extraParams?: (op: SuiteOperation) => Record<string, unknown> },
): void {
  describe(`every operation through the ${pkg.name} CLI`, () => {
    const exercised = new Set<string>();

    it.each(pkg.model.operations.map((op) => [commandName(op), op] as const))("%s", async (_name, op) => {
      const params = { ...options.extraParams?.(op), ...op.exampleParams };
      const args = [...cliArgs(op, params), "--include", "--base-url", inject("mockUrl")];
      const result =
        options.tokenVia === "flag"
          ? await cli.run([...args, "--token", options.token])
          : await cli.run(args, { env: { [pkg.model.env.token]: options.token } });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const { status, headers, body } = parseHead(result.stdout);
      expect(headers.get("sl-violations")).toBeUndefined();
      expect(String(status)).toBe(op.successStatus);
      if (op.successStatus && op.responses[op.successStatus]?.hasBody) expect(() => JSON.parse(body)).not.toThrow();
      exercised.add(op.operationId);
    });

    afterAll(() => {
      expect([...exercised].sort()).toEqual(pkg.model.operations.map((op) => op.operationId).sort());
    });
  });
}
