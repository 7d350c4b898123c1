// Test helper (Node only, never in an SDK bundle): a tiny local HTTP server for the faults Prism
// cannot produce (resets, slow or malformed answers). Each request is answered by the next handler of
// the script (the last one repeats).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface FaultServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFaultServer(...script: Handler[]): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const handler = script[Math.min(requests.length - 1, script.length - 1)]!;
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Handlers for the usual faults. */
export const reply = {
  json: (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  },
  text: (status: number, body: string, contentType: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
    res.writeHead(status, { "content-type": contentType, ...headers }).end(body);
  },
  /** Drops the connection without an answer (ECONNRESET / "other side closed"). */
  reset: (): Handler => (req) => req.socket.destroy(),
  /** Answers after `ms`, or never if the client gives up first. */
  slow: (ms: number, body: unknown = {}): Handler => (_req, res) => {
    const timer = setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)), ms);
    res.on("close", () => clearTimeout(timer));
  },
};
