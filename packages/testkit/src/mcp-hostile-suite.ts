// The package's `mcp` server (its built bin over stdio, driven by the official MCP client) given one
// message over its 10 MiB limit: the client gets a JSON-RPC error for that request, stderr a line, and
// the session goes on (the SDK's own transport closed it silently). An API answer over the client's
// own 10 MiB limit is cut with a note, so it does not end the client's session either.
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { toolName } from "@repo/mcp";
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv } from "./bin-harness.js";
import { jsonReadOperation, probeOperation, type SdkPackage } from "./package.js";

export function mcpHostileSuite(pkg: SdkPackage): void {
  describe(`${pkg.name} mcp: an oversized message`, () => {
    let server: FaultServer;
    let client: Client;
    let stderr = "";
    const probe = probeOperation(pkg);
    beforeAll(async () => {
      server = await startFaultServer(reply.json(200, {}));
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [join(pkg.dir, pkg.binFile), "mcp", "--base-url", server.url, "--token", "mcp-hostile-token"],
        env: baseEnv({ HOME: "/nonexistent", XDG_CONFIG_HOME: "/nonexistent" }) as Record<string, string>,
        stderr: "pipe",
      });
      transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      client = new Client({ name: "mcp-hostile-test", version: "0.0.0" });
      await client.connect(transport);
    });
    afterAll(async () => {
      await client?.close();
      await server?.close();
    });

    it("gets a JSON-RPC error naming the limit, a line on stderr, and the server keeps serving", async () => {
      const huge = "x".repeat(11 * 1024 * 1024);
      const error = await client.callTool({ name: toolName(probe.operationId), arguments: { ...probe.exampleParams, huge } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ErrorCode.InvalidRequest });
      expect((error as Error).message).toMatch(/larger than 10485760 bytes, the most this server reads; it was skipped/);
      expect(stderr).toMatch(new RegExp(`${pkg.name} mcp: skipped a message of \\d+ bytes \\(the limit is 10485760\\)`));
      await expect(client.ping()).resolves.toEqual({});
      const result = await client.callTool({ name: toolName(probe.operationId), arguments: probe.exampleParams });
      expect(result.isError).toBeFalsy();
      expect(server.requests).toHaveLength(1);
    }, 60_000);

    // an API whose answers carry no content has no answer to cut
    const read = jsonReadOperation(pkg);
    if (read) it("an answer over the client's 10 MiB message limit is cut with a note, and the session goes on", async () => {
      const before = server.requests.length;
      const big = await startFaultServer(reply.json(200, { field: "y".repeat(12 * 1024 * 1024) }));
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [join(pkg.dir, pkg.binFile), "mcp", "--base-url", big.url, "--token", "mcp-hostile-token"],
        env: baseEnv({ HOME: "/nonexistent", XDG_CONFIG_HOME: "/nonexistent" }) as Record<string, string>,
        stderr: "pipe",
      });
      const other = new Client({ name: "mcp-hostile-test", version: "0.0.0" });
      try {
        await other.connect(transport);
        const result = await other.callTool({ name: toolName(read.operationId), arguments: read.exampleParams });
        const texts = (result.content as Array<{ text: string }>).map((part) => part.text);
        expect(texts[0]!.length).toBe(1024 * 1024);
        expect(texts[1]).toMatch(/^\(cut: the answer has \d+ characters; the first 1048576 are shown above/);
        await expect(other.ping()).resolves.toEqual({});
      } finally {
        await other.close();
        await big.close();
      }
      expect(server.requests).toHaveLength(before);
    }, 60_000);
  });
}
