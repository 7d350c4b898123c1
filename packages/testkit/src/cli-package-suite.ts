// The bin as npm installs it (packed, unpacked, run through its .bin link: a command, `mcp`, `--mock`
// with no Prism installed: the stateful mock ships in the package, `--static` asks for Prism), and the
// bin's message when the package is not built.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cliArgs } from "@repo/cli";
import { commandName } from "@repo/model";
import { binHarness, installPacked, type Harness } from "./bin-harness.js";
import { answersJson, probeOperation, type Json, type SdkPackage, type SuiteOperation } from "./package.js";

/** The JSON a run printed; undefined when it printed nothing (an answer with no content). */
const printed = (text: string): Json | undefined => (text.trim() ? JSON.parse(text) : undefined);

/**
 * Checks `body` has the shape of `op`'s success answer: a non-empty array for a list answered as an
 * array; else an object with every property the spec requires (or, when it requires none, one it declares).
 */
function expectAnswerShape(pkg: SdkPackage, op: SuiteOperation, body: Json | undefined): void {
  // an answer with no content: the CLI prints nothing (an MCP tool says so; the caller checks that)
  if (!answersJson(op)) {
    expect(body).toBeUndefined();
    return;
  }
  const resolve = (node: Json): Json =>
    typeof node?.$ref === "string" ? resolve(node.$ref.slice(2).split("/").reduce((at: Json, key: string) => at[key], pkg.spec)) : node;
  const response = resolve(pkg.spec.paths[op.path][op.method.toLowerCase()].responses[op.successStatus!]);
  const media = Object.entries(response.content as Record<string, Json>).find(([type]) => /json/i.test(type))?.[1];
  const schema = resolve(media?.schema ?? {});
  if (schema.type === "array") {
    expect(Array.isArray(body) && body.length > 0, JSON.stringify(body).slice(0, 200)).toBe(true);
    return;
  }
  const required: string[] = schema.required ?? [];
  const declared = Object.keys(schema.properties ?? {});
  expect(required.length + declared.length, `${op.operationId}'s answer declares no property to check`).toBeGreaterThan(0);
  if (required.length) for (const property of required) expect(body).toHaveProperty(property);
  else expect(declared.some((property) => property in (body ?? {}))).toBe(true);
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
      expectAnswerShape(pkg, login, printed(result.stdout));
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
      if (answersJson(login)) expectAnswerShape(pkg, login, JSON.parse(call.content[0].text));
      else expect(call.content[0].text).toMatch(/^2\d\d .*\(no content\)$/);
      expect(cli.transcript()).not.toContain(token);
    });

    it("--mock answers from the packed files alone: the stateful mock and its judge ship in the package (no Prism installed)", async () => {
      const result = await cli.run([...cliArgs(login, login.exampleParams), "--mock"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expectAnswerShape(pkg, login, printed(result.stdout));
    });

    it("--mock --static (Prism's example mock) without Prism installed says what to install (exit 1, no stack trace)", async () => {
      const result = await cli.run([commandName(login), "--mock", "--static"]);
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
