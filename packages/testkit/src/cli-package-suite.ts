// The bin as npm installs it (packed, unpacked, run through its .bin link: a command, `mcp`, `--mock`
// without Prism), and the bin's message when the package is not built.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cliArgs } from "@repo/cli";
import { commandName } from "@repo/model";
import { binHarness, installPacked, type Harness } from "./bin-harness.js";
import { probeOperation, type Json, type SdkPackage, type SuiteOperation } from "./package.js";

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
