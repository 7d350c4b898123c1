// The stateful mock over HTTP: the simulator (simulator.ts: the engine answers, Prism's validators judge,
// in process) behind one HTTP server. This file only translates HTTP to the simulator and back; a
// chosen fault drops the connection ("reset") or never answers ("timeout").
import { answerText } from "./answer-text.js";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Engine, EngineModel, EngineOptions } from "@repo/mock-engine";
import { createClock, type MockClock } from "./clock.js";
import type { Exchange } from "./exchange-recorder.js";
import { answerCors, BodyTooLarge, corsPolicy, hostAllowed, pathDecodes, readLimitedBody, refusalAnswer } from "./http-guards.js";
import { loadJudge } from "./judge.js";
import { operationMatcher } from "./operations.js";
import { freePort } from "./prism.js";
import { createSimulator, type Simulator, type SimulatorOptions } from "./simulator.js";

export interface StatefulMockOptions extends Omit<EngineOptions, "now">, SimulatorOptions {
  /** The bundled spec (JSON). */
  specFile: string;
  /** The operation model built from it (generated/model.json), as an object or a file. */
  model: EngineModel | string;
  port?: number | undefined;
  host?: string | undefined;
  /** Answer requests that break the spec with Prism's 422 listing the violations, not the spec's error body. */
  strict?: boolean | undefined;
  /** Called with each exchange once answered. */
  onExchange?: ((exchange: Exchange) => void) | undefined;
  /** "manual": time stands still until `simulator.clock.advance()` (default "real"). */
  clock?: "real" | "manual" | MockClock | undefined;
}

export interface StatefulMock {
  url: string;
  port: number;
  /** The process serving it: this one (Prism runs in process). */
  pid: number;
  engine: Engine;
  simulator: Simulator;
  stop(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const bytes = await readLimitedBody(request);
  if (!bytes) return null;
  const text = bytes.toString("utf8");
  if (!/json/i.test(request.headers["content-type"] ?? "")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text; // Prism then reports the body as not of the schema's type: the API's 400
  }
}

const send = (response: ServerResponse, status: number, headers: Record<string, string>, body: unknown) =>
  response.writeHead(status, headers).end(body === undefined ? "" : answerText(headers, body));

/** Starts the engine and its judge; resolves once the server listens. */
export async function startStatefulMock(options: StatefulMockOptions): Promise<StatefulMock> {
  const host = options.host ?? "127.0.0.1";
  const spec = JSON.parse(readFileSync(options.specFile, "utf8"));
  const model: EngineModel = typeof options.model === "string" ? JSON.parse(readFileSync(options.model, "utf8")) : options.model;
  const clock = typeof options.clock === "object" ? options.clock : createClock(options.clock);
  // a taken port fails at once, in one line
  if (options.port) await freePort(host, options.port);
  const judge = await loadJudge(options.specFile);
  const simulator = createSimulator(spec, model, { ...options, clock, judge });
  const nameOperation = operationMatcher(spec);
  const cors = corsPolicy(spec);
  let port = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<Exchange | undefined> {
    const method = request.method ?? "GET";
    const path = request.url ?? "/";
    if (!hostAllowed(request.headers.host, host, port)) {
      send(response, 403, { "content-type": "text/plain", connection: "close" }, `Host ${JSON.stringify(request.headers.host)} is not this mock's address (${host}:${port}).\n`);
      return { method, path, status: 403, operationId: undefined, violations: [] };
    }
    if (answerCors(request, response, cors)) return undefined;
    const url = new URL(path, "http://mock.invalid");
    const refuse = (status: number, message: string, close = false) => {
      const operationId = nameOperation(method, path);
      const reply = refusalAnswer(simulator.engine, model, operationId, status, message);
      send(response, status, { ...reply.headers, ...(close ? { connection: "close" } : {}) }, reply.body);
      return { method, path, status, operationId, violations: [] };
    };
    if (!pathDecodes(url.pathname)) return refuse(400, `The request path ${url.pathname.slice(0, 200)} is not valid percent-encoding.`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    let body: unknown;
    try {
      body = await readBody(request);
    } catch (error) {
      // the rest is never read: the connection closes after the answer
      if (error instanceof BodyTooLarge) return refuse(413, error.message, true);
      throw error;
    }
    const outcome = await simulator.exchange({ method, path: url.pathname, search: url.searchParams, headers, body, target: path });
    if ("drop" in outcome) {
      // a chosen fault: the connection drops now, or stays open with no answer until the client gives up
      if (outcome.drop === "reset") request.socket.destroy();
      return outcome.exchange;
    }
    send(response, outcome.answer.status, outcome.answer.headers, outcome.answer.body);
    return outcome.exchange;
  }

  const server = createServer((request, response) => {
    handle(request, response)
      .then((exchange) => exchange && options.onExchange?.(exchange))
      .catch((error: Error) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`stateful mock failed: ${error.message}\n`);
        options.onExchange?.({ method: request.method ?? "GET", path: request.url ?? "/", status: 500, operationId: undefined, violations: [{ side: "response", where: "", severity: "Error", message: `the stateful mock failed: ${error.message}` }] });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`Could not start the mock on ${host}:${options.port ?? 0}: ${error.code === "EADDRINUSE" ? `port ${options.port} is already in use` : error.message}.`)),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  ({ port } = server.address() as AddressInfo);
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    pid: process.pid,
    engine: simulator.engine,
    simulator,
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
