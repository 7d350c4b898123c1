// `cloudnexus mcp`: the built bin as an MCP server over stdio, driven by the official SDK's Client (an
// MCP client nobody here wrote) against the stateful mock: every operation is a tool, calls go through
// the SDK, errors are tool errors, the token never shows, and the process ends when stdin closes.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { baseEnv } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { model } from "../generated/model.js";
import { startMock, type RunningMock } from "../src/mock.js";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;
const TOKEN = "cn_test_mcpSecretQ7zX41";
/** The token `login` stored (in a config directory of its own). */
const STORED = "cn_test_mcpStoredR2mK88";

interface Server {
  client: Client;
  /** Everything the server wrote to stderr. */
  stderr(): string;
  /** Every message the client received, as JSON text. */
  received: string[];
  close(): Promise<void>;
}

const servers: Server[] = [];
let configHome: string;

async function connect(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, "mcp", ...args],
    env: baseEnv({ XDG_CONFIG_HOME: configHome, HOME: configHome, APPDATA: configHome, ...env }) as Record<string, string>,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const received: string[] = [];
  const client = new Client({ name: "mcp-test", version: "0.0.0" });
  await client.connect(transport);
  const onmessage = transport.onmessage;
  transport.onmessage = (message) => {
    received.push(JSON.stringify(message));
    onmessage?.(message);
  };
  const server: Server = { client, stderr: () => stderr, received, close: () => client.close() };
  servers.push(server);
  return server;
}

/** The text contents of a tool result. */
const texts = (result: Awaited<ReturnType<Client["callTool"]>>): string[] =>
  (result.content as Array<{ type: string; text?: string }>).flatMap((part) => (part.type === "text" && part.text !== undefined ? [part.text] : []));

const toolName = (operationId: string) => operationId.replaceAll(".", "_");

/** What the tool should require: the required parameters, and the required body's required fields. */
function requiredArguments(op: (typeof model.operations)[number]): string[] {
  const required: string[] = op.parameters.filter((p) => p.required).map((p) => p.name);
  const body = op.requestBody as { required: boolean; schema: { required?: string[] } } | null;
  if (body?.required) {
    if (op.bodyMode === "flat") required.push(...(body.schema.required ?? []));
    else required.push("body");
  }
  return required.sort();
}

let mock: RunningMock;
let server: Server;

beforeAll(async () => {
  configHome = mkdtempSync(join(tmpdir(), "cloudnexus-mcp-"));
  // only these credentials are accepted: a call with any other token is the spec's 401
  mock = await startMock({ tokens: [TOKEN, STORED] });
  server = await connect(["--base-url", mock.url, "--verbose"], { CLOUDNEXUS_TOKEN: TOKEN });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close().catch(() => {})));
  await mock?.stop();
  rmSync(configHome, { recursive: true, force: true });
});

describe("cloudnexus mcp", () => {
  it("lists one tool per operation of the model, named, described, shaped and annotated from it", async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(model.operations.map((op) => toolName(op.operationId)).sort());
    for (const op of model.operations) {
      const tool = tools.find((t) => t.name === toolName(op.operationId));
      expect(tool?.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(tool?.title).toBe(op.summary);
      expect(tool?.description).toBe(op.description);
      expect(tool?.inputSchema.type).toBe("object");
      expect([...(tool?.inputSchema.required ?? [])].sort(), op.operationId).toEqual(requiredArguments(op));
      for (const p of op.parameters) expect(tool?.inputSchema.properties, op.operationId).toHaveProperty([p.name]);
      expect(tool?.outputSchema).toBeUndefined();
      expect(tool?.annotations?.readOnlyHint, op.operationId).toBe(op.method === "GET");
      expect(tool?.annotations?.idempotentHint, op.operationId).toBe(["GET", "PUT", "DELETE"].includes(op.method));
      if (op.method === "DELETE") expect(tool?.annotations?.destructiveHint, op.operationId).toBe(true);
      if (op.method === "GET") expect(tool?.annotations?.destructiveHint).toBeUndefined();
    }
    expect(tools.find((t) => t.name === "instances_list")?.inputSchema.properties).toHaveProperty("page_size");
    expect(tools.find((t) => t.name === "instances_create")?.inputSchema.properties).toHaveProperty("region");
    expect(tools.find((t) => t.name === "instances_create")?.annotations?.destructiveHint).toBe(false);
  });

  it("a list call answers the page's JSON body and how to get the next page", async () => {
    const direct = await mock.client().instances.list({ page_size: 1 });
    const result = await server.client.callTool({ name: "instances_list", arguments: { page_size: 1 } });
    expect(result.isError).toBeFalsy();
    const [body, note] = texts(result);
    expect(JSON.parse(body ?? "")).toEqual(direct);
    expect(direct.meta.total).toBeGreaterThan(1);
    expect(note).toMatch(/^next page: \{"page":2\}/);

    const last = await server.client.callTool({ name: "instances_list", arguments: { page: direct.meta.total, page_size: 1 } });
    expect(JSON.parse(texts(last)[0] ?? "").instances).toHaveLength(1);
    expect(texts(last)).toHaveLength(1); // the last page: no next
  });

  it("a create (flat body) goes through the SDK and the created item can be read back", async () => {
    const created = await server.client.callTool({
      name: "sshKeys_create",
      arguments: { name: "mcp-key", public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMcpTestKeyOnlyForTheMcpSuite0000000000 mcp@test" },
    });
    expect(created.isError, texts(created).join("\n")).toBeFalsy();
    const key = JSON.parse(texts(created)[0] ?? "");
    expect(key).toMatchObject({ name: "mcp-key" });
    const read = await server.client.callTool({ name: "sshKeys_get", arguments: { id: key.id } });
    expect(JSON.parse(texts(read)[0] ?? "")).toEqual(key);
  });

  it("a get of an unknown id is a tool error naming 404 NOT_FOUND, the message and the request id", async () => {
    const result = await server.client.callTool({ name: "instances_get", arguments: { id: "inst_doesnotexist0" } });
    expect(result.isError).toBe(true);
    const [line, json] = texts(result);
    expect(line).toMatch(/404 NOT_FOUND/);
    const { error } = JSON.parse(json ?? "");
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(error.message).toEqual(expect.any(String));
    expect(error.request_id).toEqual(expect.any(String));
    expect(line).toContain(error.request_id);
  });

  it("invalid arguments are a tool error naming each one, and the server stays up", async () => {
    const result = await server.client.callTool({ name: "instances_list", arguments: { page_size: "many", colour: "red" } });
    expect(result.isError).toBe(true);
    const [text] = texts(result);
    expect(text).toMatch(/page_size: must be integer/);
    expect(text).toMatch(/colour: not an argument/);

    const missing = await server.client.callTool({ name: "instances_get", arguments: {} });
    expect(missing.isError).toBe(true);
    expect(texts(missing)[0]).toMatch(/id: required/);

    const unknown = server.client.callTool({ name: "instances_explode", arguments: {} });
    await expect(unknown).rejects.toBeInstanceOf(McpError);

    const again = await server.client.callTool({ name: "me", arguments: {} });
    expect(again.isError).toBeFalsy();
    expect(JSON.parse(texts(again)[0] ?? "")).toHaveProperty("id");
  });

  it("the token never appears in any output (results, protocol messages, --verbose's stderr)", async () => {
    await server.client.callTool({ name: "me", arguments: {} });
    await server.client.callTool({ name: "instances_get", arguments: { id: "inst_doesnotexist0" } });
    expect(server.received.length).toBeGreaterThan(3);
    expect(server.stderr()).toContain("Authorization"); // --verbose logged the requests…
    expect(server.stderr()).not.toContain(TOKEN); // …with the token masked
    for (const message of server.received) expect(message).not.toContain(TOKEN);
  });

  it("takes the token from `login`'s stored config when the environment has none, the environment's first; a wrong one is a 401 tool error", async () => {
    const stored = mkdtempSync(join(tmpdir(), "cloudnexus-mcp-stored-"));
    mkdirSync(join(stored, "cloudnexus"), { mode: 0o700 });
    writeFileSync(join(stored, "cloudnexus", "config.json"), JSON.stringify({ token: STORED }), { mode: 0o600 });
    try {
      const fromLogin = await connect(["--base-url", mock.url], { XDG_CONFIG_HOME: stored });
      const me = await fromLogin.client.callTool({ name: "me", arguments: {} });
      expect(me.isError, texts(me).join("\n")).toBeFalsy();
      await fromLogin.close();

      const wrong = await connect(["--base-url", mock.url], { XDG_CONFIG_HOME: stored, CLOUDNEXUS_TOKEN: "cn_test_notAcceptedK3" });
      const denied = await wrong.client.callTool({ name: "me", arguments: {} });
      expect(denied.isError).toBe(true);
      expect(texts(denied)[0]).toMatch(/^The API answered 401 /);
      expect(texts(denied).join("\n")).toContain("CLOUDNEXUS_TOKEN");
      for (const message of [...fromLogin.received, ...wrong.received, fromLogin.stderr(), wrong.stderr()]) {
        expect(message).not.toContain(STORED);
        expect(message).not.toContain("cn_test_notAcceptedK3");
      }
      await wrong.close();
    } finally {
      rmSync(stored, { recursive: true, force: true });
    }
  });

  it("--read-only lists only the GET tools and refuses the others", async () => {
    const readOnly = await connect(["--read-only", "--base-url", mock.url], { CLOUDNEXUS_TOKEN: TOKEN });
    const { tools } = await readOnly.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(model.operations.filter((op) => op.method === "GET").map((op) => toolName(op.operationId)).sort());
    await expect(readOnly.client.callTool({ name: "instances_delete", arguments: { id: "inst_29f8b3a1" } })).rejects.toThrow(/read-only/);
    await readOnly.close();
  });

  it("--mock serves the tools against a stateful mock started in process, with no token configured", async () => {
    const offline = await connect(["--mock"]);
    const created = await offline.client.callTool({
      name: "instances_create",
      arguments: { name: "mcp-trial", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" },
    });
    expect(created.isError, texts(created).join("\n")).toBeFalsy();
    const instance = JSON.parse(texts(created)[0] ?? "");
    const read = await offline.client.callTool({ name: "instances_get", arguments: { id: instance.id } });
    expect(JSON.parse(texts(read)[0] ?? "")).toMatchObject({ id: instance.id, name: "mcp-trial" });
    await offline.close();
  });

  it("exits cleanly (code 0, nothing on stdout but the protocol) when stdin closes", async () => {
    const child = spawn(process.execPath, [bin, "mcp", "--base-url", mock.url], {
      env: baseEnv({ CLOUDNEXUS_TOKEN: TOKEN, XDG_CONFIG_HOME: configHome, HOME: configHome }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
    child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } } })}\n`);
    await expect.poll(() => stdout, { timeout: 10_000 }).toContain('"id":1');
    child.stdin.end();
    const started = Date.now();
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const line of stdout.trim().split("\n")) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
  });
});
