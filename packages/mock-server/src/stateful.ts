// The stateful mock: the state engine (@repo/mock-engine) answers, Prism judges, in one process and
// one HTTP hop:  client ─► this server ─► Prism's router and validators (in process, see judge.ts)
//                                        ─► the engine makes the answer ─► Prism validates it
// A request that breaks the spec gets the API's own error body (the spec's 400/422, its details naming
// each violation; `strict` answers Prism's 422 instead); an answer that would break the spec becomes
// a 500 naming the violations, exactly as `prism proxy --errors` does, and is reported loudly.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createEngine, type Engine, type EngineModel, type EngineOptions, type EngineResponse } from "@repo/mock-engine";
import type { Exchange } from "./exchange-recorder.js";
import { answerCors, BodyTooLarge, corsPolicy, hostAllowed, pathDecodes, readLimitedBody, refusalAnswer } from "./http-guards.js";
import { loadJudge, type PrismDiagnostic, type PrismProblem, type PrismRequest, type PrismResponse } from "./judge.js";
import { operationMatcher } from "./operations.js";
import { freePort } from "./prism.js";
import { describeViolation, violationsFromProblem, type Violation } from "./violations.js";

export interface StatefulMockOptions extends EngineOptions {
  /** The bundled spec (JSON). */
  specFile: string;
  /** The operation model built from it (generated/model.json), as an object or a file. */
  model: EngineModel | string;
  port?: number | undefined;
  host?: string | undefined;
  /** Answer requests that break the spec with Prism's 422 listing the violations, not the spec's error body. */
  strict?: boolean | undefined;
  /** Where to look for `@stoplight/prism-cli` (a file URL or path); defaults to this module. */
  resolveFrom?: string | undefined;
  /** Called with each exchange once answered. */
  onExchange?: ((exchange: Exchange) => void) | undefined;
}

export interface StatefulMock {
  url: string;
  port: number;
  /** The process serving it: this one (Prism runs in process). */
  pid: number;
  engine: Engine;
  stop(): Promise<void>;
}

const PROBLEM = "https://stoplight.io/prism/errors#";
const SEVERITY = ["Error", "Warning", "Information", "Hint"];

const toViolation = (side: Violation["side"]) => (diagnostic: PrismDiagnostic): Violation => ({
  side,
  where: (diagnostic.path ?? []).join("."),
  severity: SEVERITY[diagnostic.severity] ?? "Error",
  message: diagnostic.message,
});

/** Prism's own diagnostic list format (the `sl-violations` header, a problem's `validation`). */
const listed = (side: string, diagnostics: PrismDiagnostic[]) =>
  diagnostics.map((d) => ({ location: [side, ...(d.path ?? [])], severity: SEVERITY[d.severity] ?? "Error", code: d.code, message: d.message }));

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

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

const send = (response: ServerResponse, status: number, headers: Record<string, string>, body: unknown) =>
  response.writeHead(status, headers).end(body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body));

/** Starts the engine and its judge; resolves once the server listens. */
export async function startStatefulMock(options: StatefulMockOptions): Promise<StatefulMock> {
  const host = options.host ?? "127.0.0.1";
  const spec = JSON.parse(readFileSync(options.specFile, "utf8"));
  const model: EngineModel = typeof options.model === "string" ? JSON.parse(readFileSync(options.model, "utf8")) : options.model;
  const engine = createEngine(spec, model, options);
  // a taken port fails at once, in one line
  if (options.port) await freePort(host, options.port);
  const judge = await loadJudge(options.specFile, options.resolveFrom);
  const nameOperation = operationMatcher(spec);
  const cors = corsPolicy(spec);
  let port = 0;

  /** The API's answer to a request; `rejections` are its violations, which become the API's own error. */
  const answer = (request: PrismRequest, rejections: PrismDiagnostic[], operationId: string | undefined, search: URLSearchParams): PrismResponse => {
    let reply: EngineResponse | undefined;
    if (rejections.length) {
      const security = rejections.some((r) => r.code === 401);
      if (options.strict) {
        const problem: PrismProblem = security
          ? { status: 401, type: `${PROBLEM}UNAUTHORIZED`, title: "Invalid security scheme used", detail: "The request has no credentials the spec accepts." }
          : { status: 422, type: `${PROBLEM}UNPROCESSABLE_ENTITY`, title: "Invalid request", detail: "The request does not follow the spec and the mock runs in strict mode.", validation: listed("request", rejections) };
        throw problem;
      }
      const violations = rejections.map(toViolation("request"));
      const message = `The request does not follow the API: ${violations.map(describeViolation).join("; ")}`.slice(0, 1000);
      const problems = violations.map((v) => ({ field: v.where || v.side, reason: v.message }));
      reply = security
        ? engine.errorAnswer(operationId, 401)
        : (engine.errorAnswer(operationId, 422, message, problems) ?? engine.errorAnswer(operationId, 400, message, problems));
      if (!reply) throw { status: security ? 401 : 422, type: `${PROBLEM}${security ? "UNAUTHORIZED" : "UNPROCESSABLE_ENTITY"}`, title: "Invalid request", detail: message, validation: listed("request", rejections) } satisfies PrismProblem;
    } else {
      reply = engine.handle({ method: request.method.toUpperCase(), path: request.url.path, query: search, headers: request.headers, body: request.body ?? undefined });
    }
    return { statusCode: reply.status, headers: reply.headers, ...(reply.body === undefined ? {} : { body: reply.body }) };
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<Exchange | undefined> {
    const method = request.method ?? "GET";
    const path = request.url ?? "/";
    if (!hostAllowed(request.headers.host, host, port)) {
      send(response, 403, { "content-type": "text/plain", connection: "close" }, `Host ${JSON.stringify(request.headers.host)} is not this mock's address (${host}:${port}).\n`);
      return { method, path, status: 403, operationId: undefined, violations: [] };
    }
    if (answerCors(request, response, cors)) return undefined;
    const url = new URL(path, "http://mock.invalid");
    const operationId = nameOperation(method, path);
    const refuse = (status: number, message: string, close = false) => {
      const reply = refusalAnswer(engine, model, operationId, status, message);
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
    const input: PrismRequest = { method: method.toLowerCase(), url: { path: url.pathname, query: queryOf(url.searchParams) }, headers, body };
    const verdict = await judge.judge(input, (req, rejections, id) => answer(req, rejections, id, url.searchParams));
    if (!verdict.ok) {
      const body = JSON.stringify(verdict.problem);
      send(response, verdict.problem.status, { "content-type": "application/problem+json" }, body);
      return { method, path, status: verdict.problem.status, operationId, violations: violationsFromProblem("application/problem+json", body) };
    }
    const violations = [...verdict.input.map(toViolation("request")), ...verdict.outputViolations.map(toViolation("response"))];
    const broken = verdict.outputViolations.filter((v) => v.severity === 0);
    if (broken.length) {
      // the engine made an answer the spec does not allow: say so, never serve it
      send(response, 500, { "content-type": "application/problem+json" }, {
        type: `${PROBLEM}VIOLATIONS`,
        title: "Request/Response not valid",
        status: 500,
        detail: "The stateful mock made an answer that breaks the spec; this is a bug of the mock or of the spec's x- extensions.",
        validation: listed("response", broken),
      });
      return { method, path, status: 500, operationId, violations };
    }
    const out = { ...verdict.output.headers };
    if (violations.length) out["sl-violations"] = JSON.stringify([...listed("request", verdict.input), ...listed("response", verdict.outputViolations)]).slice(0, 8000);
    send(response, verdict.output.statusCode, out, verdict.output.body);
    return { method, path, status: verdict.output.statusCode, operationId, violations };
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
    engine,
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
