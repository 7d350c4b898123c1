// The `cloudnode` bin (dist/cli.js, spawned as a user runs it) against the Prism mock: every operation
// of the spec runs once from the model's example params with no request violation; help lists them all.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliArgs, commandName, type ModelOperation } from "@repo/runtime/cli";
import { binHarness, parseHead } from "@repo/runtime/cli/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const bin = new URL("../bin/cloudnode.js", import.meta.url).pathname;
const model = JSON.parse(readFileSync(new URL("../generated/model.json", import.meta.url), "utf8")) as {
  operations: Array<ModelOperation & { exampleParams: Record<string, unknown>; responses: Record<string, { hasBody: boolean }> }>;
};
const token = "token_cliOperationsSecret4Kp9";
const cli = binHarness(bin, mkdtempSync(join(tmpdir(), "cloudnode-cli-")));

beforeAll(() => {
  const built = new URL("../dist/cli.js", import.meta.url).pathname;
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm build\` first.`);
});
afterAll(() => {
  expect(cli.transcript()).not.toContain(token);
});

describe("every operation through the cloudnode CLI", () => {
  const exercised = new Set<string>();

  it.each(model.operations.map((op) => [commandName(op), op] as const))("%s", async (_name, op) => {
    const args = [...cliArgs(op, op.exampleParams), "--include", "--base-url", inject("mockUrl")];
    const result = await cli.run(args, { env: { CLOUDNODE_TOKEN: token } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { status, headers, body } = parseHead(result.stdout);
    expect(headers.get("sl-violations")).toBeUndefined();
    expect(String(status)).toBe(op.successStatus);
    if (op.successStatus && op.responses[op.successStatus]?.hasBody) expect(() => JSON.parse(body)).not.toThrow();
    exercised.add(op.operationId);
  });

  afterAll(() => {
    expect([...exercised].sort()).toEqual(model.operations.map((op) => op.operationId).sort());
  });
});

it("--help lists every command with its summary", async () => {
  const { code, stdout } = await cli.run(["--help"]);
  expect(code).toBe(0);
  for (const op of model.operations) expect(stdout).toMatch(new RegExp(`${commandName(op)} +${op.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  expect(stdout).toMatch(/login +Check a token with `auth\/check`/);
});
