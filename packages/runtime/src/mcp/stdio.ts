// Serves an MCP server over stdio until the client closes stdin (or SIGINT/SIGTERM); resolves then.
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";

export async function serveStdio(server: Server, onError: (error: Error) => void): Promise<void> {
  const transport = new StdioServerTransport(process.stdin, process.stdout);
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  server.onerror = onError;
  await server.connect(transport);
  const close = () => void server.close().catch(onError);
  process.stdin.once("end", close);
  process.stdin.once("close", close);
  const signals = ["SIGINT", "SIGTERM"] as const;
  for (const signal of signals) process.once(signal, close);
  await closed;
  process.stdin.off("end", close).off("close", close);
  for (const signal of signals) process.off(signal, close);
  process.stdin.pause();
}
