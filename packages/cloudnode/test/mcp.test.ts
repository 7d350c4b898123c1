// `cloudnode mcp`: the built bin as an MCP server over stdio (the official SDK's Client spawning it),
// its tools the model's operations, calls through the SDK against the stateful mock, the token hidden.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { baseEnv } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { model } from "../generated/model.js";
import { startMock, type RunningMock } from "../src/mock.js";

const bin = new URL("../bin/cloudnode.js", import.meta.url).pathname;
const TOKEN = "token_mcpSecretW4kP93";

let configHome: string;
let mock: RunningMock;
let client: Client;
let stderr = "";
const received: string[] = [];

const texts = (result: Awaited<ReturnType<Client["callTool"]>>): string[] =>
  (result.content as Array<{ type: string; text?: string }>).flatMap((part) => (part.type === "text" && part.text !== undefined ? [part.text] : []));

beforeAll(async () => {
  configHome = mkdtempSync(join(tmpdir(), "cloudnode-mcp-"));
  mock = await startMock();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, "mcp", "--base-url", mock.url, "--verbose"],
    env: baseEnv({ CLOUDNODE_TOKEN: TOKEN, XDG_CONFIG_HOME: configHome, HOME: configHome }) as Record<string, string>,
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  client = new Client({ name: "mcp-test", version: "0.0.0" });
  await client.connect(transport);
  const onmessage = transport.onmessage;
  transport.onmessage = (message) => {
    received.push(JSON.stringify(message));
    onmessage?.(message);
  };
});

afterAll(async () => {
  await client?.close();
  await mock?.stop();
  rmSync(configHome, { recursive: true, force: true });
});

describe("cloudnode mcp", () => {
  it("lists one read-only tool per operation of the model", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(model.operations.map((op) => op.operationId.replaceAll(".", "_")).sort());
    for (const tool of tools) {
      const op = model.operations.find((o) => o.operationId.replaceAll(".", "_") === tool.name);
      expect(tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(tool.title).toBe(op?.summary);
      expect(tool.inputSchema).toMatchObject({ type: "object", additionalProperties: false });
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    }
  });

  it("calls go through the SDK with the token from the environment, which no output shows", async () => {
    const result = await client.callTool({ name: "auth_check", arguments: {} });
    expect(result.isError, texts(result).join("\n")).toBeFalsy();
    expect(JSON.parse(texts(result)[0] ?? "")).toEqual(await mock.client({ token: TOKEN }).auth.check());
    const invalid = await client.callTool({ name: "info", arguments: { verbose: true } });
    expect(invalid.isError).toBe(true);
    expect(texts(invalid)[0]).toMatch(/verbose: not an argument/);
    expect(stderr).toContain("Authorization");
    expect(stderr).not.toContain(TOKEN);
    for (const message of received) expect(message).not.toContain(TOKEN);
  });

  it("exits with code 0 when stdin closes", async () => {
    const child = spawn(process.execPath, [bin, "mcp", "--base-url", mock.url], { env: baseEnv({ XDG_CONFIG_HOME: configHome }), stdio: ["pipe", "ignore", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
