// The package as published: `pnpm pack`, installed with npm into a project outside the workspace,
// then imported (ESM) and required (CJS) and called against the Prism mock.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { packAndInstall, type InstalledPackage } from "@repo/runtime/testing/pack";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const packageDir = new URL("..", import.meta.url).pathname;
const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;

// the same calls from both module systems: a typed method, auto-pagination, a typed error, raw
const calls = `
  const client = new ApiClient("cn_test_4eC39HqLyjWDarjtT1zdp7dc", { baseUrl: process.env.MOCK_URL });
  const list = await client.instances.list({ status: "running" });
  const all = [];
  for await (const instance of client.instances.list.all()) all.push(instance.id);
  const error = await new ApiClient(undefined, { baseUrl: process.env.MOCK_URL }).me().catch((e) => e);
  const raw = await client.raw.GET("/me");
  console.log(JSON.stringify({ list, all, error: [error instanceof AuthenticationError, error.status, error.code], raw: raw.data }));
`;

describe("the packed cloudnexus package", () => {
  let installed: InstalledPackage;
  beforeAll(() => {
    if (!existsSync(new URL("../dist/index.js", import.meta.url))) throw new Error("dist/ is missing: run `pnpm --filter cloudnexus build` first.");
    installed = packAndInstall(packageDir);
  }, 180_000);
  afterAll(() => installed?.remove());

  const expected = () => ({
    list: example("InstanceList"),
    all: example("InstanceList").instances.map((i: { id: string }) => i.id),
    error: [true, 401, example("ErrorUnauthorized").error.code],
    raw: example("Account"),
  });

  it("works with import (ESM)", () => {
    const out = installed.run("main.mjs", `import { ApiClient, AuthenticationError } from "cloudnexus";\n${calls}`, { MOCK_URL: inject("mockUrl") });
    expect(JSON.parse(out)).toEqual(expected());
  });

  it("works with require (CJS)", () => {
    const source = `const { ApiClient, AuthenticationError } = require("cloudnexus");\n(async () => {${calls}})();`;
    const out = installed.run("main.cjs", source, { MOCK_URL: inject("mockUrl") });
    expect(JSON.parse(out)).toEqual(expected());
  });

  it("its bundled types are precise for TypeScript users of both module systems", () => {
    const typed = `
      const client = new ApiClient("key");
      export async function main(): Promise<string> {
        const instance = await client.instances.get({ id: "inst_1" });
        // @ts-expect-error "paused" is not an instance status
        await client.instances.list({ status: "paused" });
        for await (const item of client.instances.list.all()) item.region satisfies string;
        const error: unknown = null;
        if (error instanceof ApiError) error.status satisfies number;
        return instance.id;
      }`;
    installed.typecheck({
      "typed.mts": `import { ApiClient, ApiError } from "cloudnexus";\n${typed}`,
      "typed.cts": `import sdk = require("cloudnexus");\nconst { ApiClient, ApiError } = sdk;\n${typed}`,
    });
  }, 120_000);

  it("ships only dist/ and the bundle, and depends only on openapi-fetch at run time", () => {
    const manifest = JSON.parse(readFileSync(`${installed.dir}/node_modules/cloudnexus/package.json`, "utf8"));
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["openapi-fetch"]);
    const dist = readFileSync(`${installed.dir}/node_modules/cloudnexus/dist/index.js`, "utf8");
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
