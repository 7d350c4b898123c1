// The `cloudnexus` bin (dist/cli.js, spawned as a user runs it) against the Prism mock: every operation
// of the spec runs once from the model's example params, with no request violation; help, output
// formats and pagination come from the model.
import { join } from "node:path";
import { cliArgs, operationFlags } from "@repo/cli";
import { commandName, type CliOperation as ModelOperation } from "@repo/model";
import { baseEnv, parseHead, runBin } from "@repo/testkit/bin-harness";
import { builtBinHarness, sdkPackage } from "@repo/testkit/package";
import { cliOperationsSuite } from "@repo/testkit/cli-operations-suite";
import { describe, expect, inject, it } from "vitest";

const pkg = sdkPackage(new URL("..", import.meta.url).pathname);
const { model, packageJson } = pkg;
const bin = join(pkg.dir, pkg.binFile);
const token = "cn_test_cliOperationsSecret7Qx2";
const cli = builtBinHarness(pkg, token);

/** Optional query parameters the spec gives a default or an enum: sent too, so their flags are exercised. */
function optionalQuery(op: ModelOperation): Record<string, unknown> {
  const values: Array<[string, unknown]> = op.parameters
    .filter((p) => !p.required && p.in === "query")
    .map((p) => {
      const items = p.schema.items as { enum?: unknown[] } | undefined;
      const value = p.schema.default ?? (p.schema.enum as unknown[] | undefined)?.[0] ?? (items?.enum ? [items.enum[0]] : undefined);
      return [p.name, value];
    });
  return Object.fromEntries(values.filter(([, value]) => value !== undefined));
}

cliOperationsSuite(pkg, cli, { token, tokenVia: "flag", extraParams: optionalQuery });

describe("help generated from the spec", () => {
  it("--help lists every command with its summary", async () => {
    const { code, stdout } = await cli.run(["--help"]);
    expect(code).toBe(0);
    for (const op of model.operations) expect(stdout).toMatch(new RegExp(`${commandName(op)} +${escape(op.summary)}`));
    for (const namespace of new Set(model.operations.map((op) => op.namespace).filter(Boolean))) {
      expect(stdout).toContain(`\n  ${namespace}\n`);
    }
  });

  it.each(["instances.create", "instances.list"])("%s --help lists each flag with type, enum, default and required mark", async (id) => {
    const op = model.operations.find((o) => o.operationId === id)!;
    const { code, stdout } = await cli.run([commandName(op), "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(op.description.split(/\s+/).slice(0, 6).join(" "));
    for (const flag of operationFlags(op)) {
      const line = stdout.slice(stdout.indexOf(`  --${flag.flag} `)).split(/\n  --|\n\n/)[0]!.replace(/\s+/g, " ");
      expect(line, flag.flag).toContain(flag.kind === "array" ? `<${flag.itemKind}>...` : flag.kind === "boolean" ? "" : "<");
      const values = (flag.schema.enum ?? (flag.schema.items as { enum?: unknown[] } | undefined)?.enum) as unknown[] | undefined;
      if (values) expect(line).toContain(`One of: ${values.join(", ")}.`);
      if (flag.schema.default !== undefined) expect(line).toContain(`Default: ${JSON.stringify(flag.schema.default)}.`);
      expect(line.includes("(required)"), flag.flag).toBe(flag.required);
    }
  });

  it("--version names the package, the API and the spec", async () => {
    const { code, stdout } = await cli.run(["--version"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`cloudnexus ${packageJson.version} (${model.title} ${model.version}`);
  });
});

describe("output", () => {
  it("prints the body as compact JSON when piped", async () => {
    const { code, stdout } = await cli.run(["me", "--base-url", inject("mockUrl"), "--token", token]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout)).toHaveProperty("id");
  });

  it("pretty-prints on a terminal (a pseudo-terminal from util-linux `script`)", async () => {
    const command = `${bin} me --base-url ${inject("mockUrl")}`;
    const env = baseEnv({ XDG_CONFIG_HOME: cli.configHome, CLOUDNEXUS_TOKEN: token, SHELL: "/bin/sh" });
    const { code, stdout } = await runBin("script", ["-qec", command, "/dev/null"], { env });
    expect(code).toBe(0);
    const text = stdout.replace(/\r\n/g, "\n");
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text).not.toContain(token);
  });

  it("--data @- reads the body from stdin", async () => {
    const op = model.operations.find((o) => o.operationId === "sshKeys.create")!;
    const result = await cli.run(["sshKeys/create", "--data", "@-", "--include", "--base-url", inject("mockUrl"), "--token", token], {
      input: JSON.stringify(op.exampleParams),
    });
    expect(result.code).toBe(0);
    const { status, headers } = parseHead(result.stdout);
    expect(String(status)).toBe(op.successStatus);
    expect(headers.get("sl-violations")).toBeUndefined();
  });

  it("--include prints the status line and headers before the body", async () => {
    const { stdout } = await cli.run(["me", "--include", "--base-url", inject("mockUrl"), "--token", token]);
    expect(stdout).toMatch(/^HTTP\/1\.1 200 OK\n/);
    const { headers, body } = parseHead(stdout);
    expect(headers.get("content-type")).toContain("application/json");
    expect(JSON.parse(body)).toHaveProperty("id");
  });

  it("--all streams every item of a paginated list as JSON lines", async () => {
    const op = model.operations.find((o) => o.pagination)!;
    const base = [...cliArgs(op, op.exampleParams), "--base-url", inject("mockUrl"), "--token", token];
    const page = JSON.parse((await cli.run(base)).stdout);
    const { code, stdout } = await cli.run([...base, "--all"]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const item of lines) expect(page[op.pagination!.items]).toContainEqual(item);
  });

  it("--data @file.json sends a whole body", async () => {
    const op = model.operations.find((o) => o.operationId === "instances.create")!;
    const file = join(cli.configHome, "body.json");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, JSON.stringify(op.exampleParams));
    const { code, stdout } = await cli.run(["instances/create", "--data", `@${file}`, "--include", "--base-url", inject("mockUrl"), "--token", token]);
    expect(code).toBe(0);
    const { status, headers } = parseHead(stdout);
    expect(String(status)).toBe(op.successStatus);
    expect(headers.get("sl-violations")).toBeUndefined();
  });

  it("--mock starts Prism for the command (no server, no token needed)", async () => {
    const { code, stdout, stderr } = await cli.run(["me", "--mock"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty("id");
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
