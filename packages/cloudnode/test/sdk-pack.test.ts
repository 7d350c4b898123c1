// The package as published: `pnpm pack`, installed with npm into a project outside the workspace,
// then imported (ESM) and required (CJS) and called against the Prism mock (the seed's usage).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { packAndInstall, type InstalledPackage } from "@repo/runtime/testing/pack";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const packageDir = new URL("..", import.meta.url).pathname;
const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;

// the same calls from both module systems: the seed's call, a typed error, raw
const calls = `
  const apiClient = new ApiClient("token_8aKq2sV1xPzR", { baseUrl: process.env.MOCK_URL });
  const check = await apiClient.auth.check();
  const error = await new ApiClient(undefined, { baseUrl: process.env.MOCK_URL }).auth.check().catch((e) => e);
  const raw = await apiClient.raw.GET("/auth/check");
  console.log(JSON.stringify({ check, error: [error instanceof AuthenticationError, error.status, error.code, error.title], raw: raw.data }));
`;

describe("the packed cloudnode package", () => {
  let installed: InstalledPackage;
  beforeAll(() => {
    if (!existsSync(new URL("../dist/index.js", import.meta.url))) throw new Error("dist/ is missing: run `pnpm --filter cloudnode build` first.");
    installed = packAndInstall(packageDir);
  }, 180_000);
  afterAll(() => installed?.remove());

  const expected = () => {
    const unauthorised = example("ErrorUnauthorised");
    return {
      check: example("AuthCheckToken"),
      error: [true, 401, unauthorised.code, unauthorised.title],
      raw: example("AuthCheckToken"),
    };
  };

  it("works with import (ESM)", () => {
    const out = installed.run("main.mjs", `import { ApiClient, AuthenticationError } from "cloudnode";\n${calls}`, { MOCK_URL: inject("mockUrl") });
    expect(JSON.parse(out)).toEqual(expected());
  });

  it("works with require (CJS)", () => {
    const source = `const { ApiClient, AuthenticationError } = require("cloudnode");\n(async () => {${calls}})();`;
    const out = installed.run("main.cjs", source, { MOCK_URL: inject("mockUrl") });
    expect(JSON.parse(out)).toEqual(expected());
  });

  it("its bundled types are precise for TypeScript users of both module systems", () => {
    const typed = `
      const apiClient = new ApiClient("token", { session: "s" });
      export async function main(): Promise<string> {
        const check = await apiClient.auth.check();
        // @ts-expect-error "auth.chek" is not an operation
        await apiClient.auth.chek();
        const { response } = await apiClient.check().withResponse();
        response.status satisfies number;
        const error: unknown = null;
        if (error instanceof ApiError) error.title satisfies string | undefined;
        return check.via;
      }`;
    installed.typecheck({
      "typed.mts": `import { ApiClient, ApiError } from "cloudnode";\n${typed}`,
      "typed.cts": `import sdk = require("cloudnode");\nconst { ApiClient, ApiError } = sdk;\n${typed}`,
    });
  }, 120_000);

  it("ships only what runs, depending only on openapi-fetch at run time", () => {
    const manifest = JSON.parse(readFileSync(`${installed.dir}/node_modules/cloudnode/package.json`, "utf8"));
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["openapi-fetch"]);
    const dist = readFileSync(`${installed.dir}/node_modules/cloudnode/dist/index.js`, "utf8");
    expect(dist).not.toMatch(/@repo\/|from ["']node:/);
  });

  it("publint and @arethetypeswrong/cli report no problems with the packed tarball", () => {
    // the same checks as `pnpm check:package`, on the very tarball installed above
    const bin = (name: string) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
    const lint = (command: string, args: string[]) => () => execFileSync(bin(command), args, { encoding: "utf8", stdio: "pipe" });
    expect(lint("publint", ["run", installed.tarball, "--strict"])).not.toThrow();
    expect(lint("attw", [installed.tarball, "--profile", "node16"])).not.toThrow();
  }, 120_000);
});
