// The package as published (packed, installed with npm outside the workspace, imported, required and
// typechecked) against the Prism mock, and the calls it makes, derived from the model; its `<api>/mock`
// entry's in-process mock, judged, with nothing else installed.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { credentialHeaders, withCredential } from "./credentials.js";
import { packAndInstall, type InstalledPackage } from "./pack.js";
import { probeOperation, type SdkPackage } from "./package.js";

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
      const answer = await fetch(withCredential(pkg, op.operationId, token, url), { headers: { ...credentialHeaders(pkg, op.operationId, token), accept: "application/json" } });
      const anonymous = await fetch(url, { headers: { accept: "application/json" } });
      // an answer with no content: the SDK resolves with undefined
      const text = await answer.text();
      return { data: text ? JSON.parse(text) : undefined, error: anonymous.ok ? null : [true, anonymous.status] };
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

    it("createMock() from `<api>/mock` answers, judged by Prism, with nothing else installed (no Prism, no overrides), from ESM and CJS", () => {
      // npm installed the tarball alone: no @stoplight package sits next to it
      expect(existsSync(join(installed.dir, "node_modules/@stoplight"))).toBe(false);
      const op = probeOperation(pkg);
      const calls = `
  const mock = await createMock();
  const { response } = await mock.client().request(${JSON.stringify(op.operationId)}, ${JSON.stringify(op.exampleParams)});
  console.log(JSON.stringify({ ok: response.ok, requests: mock.requests.map((r) => [r.operationId, r.violations]) }));
`;
      const expected = { ok: true, requests: [[op.operationId, []]] };
      expect(JSON.parse(installed.run("mock.mjs", `import { createMock } from "${name}/mock";\n${calls}`))).toEqual(expected);
      expect(JSON.parse(installed.run("mock.cjs", `const { createMock } = require("${name}/mock");\n(async () => {${calls}})();`))).toEqual(expected);
    });

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
