// The engine's thin transport: a node:http server on 127.0.0.1 that turns requests into EngineRequests.
// In the stateful mock it is the upstream of `prism proxy --errors`, which judges every answer.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Engine, EngineRequest } from "./engine.js";

export interface RunningEngineServer {
  url: string;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: Prism has already judged the request; the engine sees it as an opaque body
  }
}

/** Serves `engine` until close(); `basePath` (e.g. /v1) is the server path Prism forwards under. */
export function serveEngine(engine: Engine, options: { host?: string; port?: number; basePath?: string } = {}): Promise<RunningEngineServer> {
  const base = (options.basePath ?? "").replace(/\/$/, "");
  const server = createServer((request, response) => {
    readJson(request)
      .then((body) => {
        const url = new URL(request.url ?? "/", "http://mock.invalid");
        const path = base && url.pathname.startsWith(base) ? url.pathname.slice(base.length) || "/" : url.pathname;
        const headers: EngineRequest["headers"] = {};
        for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
        const answer = engine.handle({ method: request.method ?? "GET", path, query: url.searchParams, headers, body });
        const payload = answer.body === undefined ? "" : JSON.stringify(answer.body);
        response.writeHead(answer.status, answer.headers).end(payload);
      })
      .catch((error: Error) => {
        // an engine bug: say so in the answer (Prism then reports the undeclared 500 as a violation too)
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`stateful mock engine failed: ${error.message}\n`);
      });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
