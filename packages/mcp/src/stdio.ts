// Serves an MCP server over stdio until the client closes stdin (or SIGINT/SIGTERM); resolves then.
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { InFlight } from "./in-flight.js";
import { LineTransport } from "./line-transport.js";

/**
 * When stdin ends, the calls still running are answered first (`inFlight`); a signal stops at once.
 * A message over the size limit is answered with an error and told to `onOversized`; the session goes on.
 */
export async function serveStdio(server: Server, onError: (error: Error) => void, inFlight?: InFlight, onOversized: (bytes: number) => void = () => {}): Promise<void> {
  const transport = new LineTransport(process.stdin, process.stdout, onOversized);
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  server.onerror = onError;
  await server.connect(transport);
  const close = () => void server.close().catch(onError);
  let ending = false;
  const drain = () => {
    if (ending) return;
    ending = true;
    // a response is written a few microtasks after its handler settles: let it out, then close
    void (inFlight?.idle() ?? Promise.resolve()).then(() => new Promise((resolve) => setImmediate(resolve))).then(close);
  };
  process.stdin.once("end", drain);
  process.stdin.once("close", drain);
  const signals = ["SIGINT", "SIGTERM"] as const;
  for (const signal of signals) process.once(signal, close);
  await closed;
  process.stdin.off("end", drain).off("close", drain);
  for (const signal of signals) process.off(signal, close);
  process.stdin.pause();
}
