// A small HTTP front server placed before Prism: it forwards each request untouched and reports the
// exchange (method, path, status, operationId, what Prism said violates the spec). Prism's own log
// interleaves concurrent requests; reading its answers one by one keeps each report whole.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FaultKind } from "./faults.js";
import { collectViolations, type Violation } from "./violations.js";

export interface Exchange {
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  status: number;
  /** The spec's operationId for this method and path, when the route exists. */
  operationId: string | undefined;
  violations: Violation[];
  /** Strict mode answered 422 itself instead of passing on Prism's answer. */
  rejected?: boolean;
  /** A fault the test asked for (`faults`). No answer came for "reset" (status 0) nor "timeout" (status: what the API answered, lost on the way). */
  fault?: FaultKind;
  /** The latency the test asked for, in ms, when there was one. */
  latency?: number;
}

export interface RecorderOptions {
  /** Base URL of the Prism behind this server. */
  prismUrl: string;
  host: string;
  port: number;
  nameOperation: (method: string, path: string) => string | undefined;
  onExchange: (exchange: Exchange) => void;
  /** Answer a request that breaks the spec with a 422 listing its violations (strict mode). */
  rejectInvalidRequests?: boolean;
}

export interface RunningRecorder {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Headers that describe one hop, not the message; fetch and node:http set their own.
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade", "content-encoding"]);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forward(options: RecorderOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? "GET";
  const path = request.url ?? "/";
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (HOP_HEADERS.has(name) || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(request);
  let answer: Response;
  try {
    answer = await fetch(options.prismUrl + path, { method, headers, ...(body?.length ? { body: new Uint8Array(body) } : {}), redirect: "manual" });
  } catch (error) {
    response.writeHead(502, { "content-type": "text/plain" }).end(`Prism did not answer: ${(error as Error).message}\n`);
    options.onExchange({ method, path, status: 502, operationId: options.nameOperation(method, path), violations: [] });
    return;
  }
  const payload = Buffer.from(await answer.arrayBuffer());
  const violations = collectViolations(answer.headers, payload.toString("utf8"));
  const operationId = options.nameOperation(method, path);
  const broken = violations.filter((violation) => violation.side === "request" && violation.severity === "Error");
  // Prism's own problem answers (404 no such route, 401, 422 …) already say what is wrong.
  const prismAnswered = answer.headers.get("content-type")?.includes("problem+json") ?? false;
  if (options.rejectInvalidRequests && broken.length > 0 && !prismAnswered) {
    // Prism would answer with the spec's own 400 example, which looks like a real API answer; a
    // strict mock makes the client's mistake unmistakable instead.
    response.writeHead(422, { "content-type": "application/problem+json" }).end(JSON.stringify(rejection(broken)));
    options.onExchange({ method, path, status: 422, operationId, violations, rejected: true });
    return;
  }
  const outHeaders: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (!HOP_HEADERS.has(name)) outHeaders[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) outHeaders["set-cookie"] = cookies;
  response.writeHead(answer.status, answer.statusText, outHeaders).end(payload);
  options.onExchange({
    method,
    path,
    status: answer.status,
    operationId,
    violations,
  });
}

/** The body of a strict-mode rejection, in the shape Prism uses for its own 422. */
const rejection = (violations: Violation[]) => ({
  type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
  title: "Invalid request",
  status: 422,
  detail: "The request does not follow the spec and the mock runs in strict mode.",
  validation: violations.map((v) => ({ location: ["request", ...(v.where ? v.where.split(".") : [])], severity: v.severity, message: v.message })),
});

/** Starts the front server; resolves once it listens. */
export function startRecorder(options: RecorderOptions): Promise<RunningRecorder> {
  const server = createServer((request, response) => {
    forward(options, request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
      response.end(`mock front server failed: ${error.message}\n`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(":") ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
