// The package's `mcp` server (its built bin over stdio, driven by the official MCP client) given one
// message over its 10 MiB limit: the client gets a JSON-RPC error for that request, stderr a line, and
// the session goes on (the SDK's own transport closed it silently).
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { toolName } from "@repo/mcp";
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv } from "./bin-harness.js";
import { probeOperation, type SdkPackage } from "./package.js";

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
  });
}
