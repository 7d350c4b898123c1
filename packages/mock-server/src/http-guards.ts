// What the stateful mock's HTTP host checks before the engine sees a request: its CORS answer (any
// origin, never with credentials, only the spec's methods and headers), the Host header (a DNS
// rebinding page names its own domain: refused), the size of a body (read no further than the limit),
// and a path whose percent-encoding does not decode (the API's 400, not the mock's 500); the refusals
// that reach the client are in the API's own error shape.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Engine, EngineModel, EngineResponse } from "@repo/mock-engine";
import { isIP } from "node:net";

/** The largest request body the mock reads: far above any request of these APIs. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

interface SpecDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: { securitySchemes?: Record<string, { type?: string; in?: string; name?: string }> };
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

/** The methods and request headers a browser may use on this API: what the spec declares, and Prism's Prefer. */
export function corsPolicy(spec: SpecDocument): { methods: string; headers: string } {
  const methods = new Set<string>();
  const headers = new Set(["authorization", "content-type", "accept", "prefer", "idempotency-key"]);
  const addParams = (parameters: unknown) => {
    for (const p of Array.isArray(parameters) ? parameters : []) {
      const param = p as { in?: string; name?: string };
      if (param.in === "header" && param.name) headers.add(param.name.toLowerCase());
    }
  };
  for (const item of Object.values(spec.paths ?? {})) {
    addParams(item.parameters);
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      methods.add(method.toUpperCase());
      addParams((operation as { parameters?: unknown }).parameters);
    }
  }
  for (const scheme of Object.values(spec.components?.securitySchemes ?? {})) {
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) headers.add(scheme.name.toLowerCase());
  }
  return { methods: [...methods].join(", "), headers: [...headers].join(", ") };
}

/**
 * CORS for any origin, without credentials: a page on any origin (the docs' "Try it", a local app) can
 * call the mock, but a browser sends it no cookie of the user's and reads no answer to one. A
 * preflight is answered (204) with the spec's methods and headers; true when it was one.
 */
export function answerCors(request: IncomingMessage, response: ServerResponse, policy: { methods: string; headers: string }): boolean {
  response.setHeader("Access-Control-Allow-Origin", "*");
  response.setHeader("Access-Control-Expose-Headers", "*");
  if (!(request.method === "OPTIONS" && request.headers.origin && request.headers["access-control-request-method"])) return false;
  response.setHeader("Access-Control-Allow-Methods", policy.methods);
  response.setHeader("Access-Control-Allow-Headers", policy.headers);
  response.setHeader("Access-Control-Max-Age", "600");
  response.writeHead(204).end();
  return true;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * Whether the request's Host names this server: its own address and port (`localhost` too when it
 * listens on loopback; any IP address when it listens on every interface, since no DNS answer is
 * involved). A page that rebinds its own domain to 127.0.0.1 sends that domain: refused.
 */
export function hostAllowed(hostHeader: string | undefined, listenHost: string, port: number): boolean {
  // HTTP/1.0 without Host: no browser sends that
  if (hostHeader === undefined) return true;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  if (url.username || url.password || url.pathname !== "/" || url.search) return false;
  if ((url.port === "" ? 80 : Number(url.port)) !== port) return false;
  const name = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const listen = listenHost.replace(/^\[|\]$/g, "").toLowerCase();
  if (name === listen) return true;
  if (LOOPBACK.has(listen) && LOOPBACK.has(name)) return true;
  return (listen === "0.0.0.0" || listen === "::") && (isIP(name) !== 0 || name === "localhost");
}

/** A body over the limit: refused with 413 (before any of it was read, when Content-Length says so). */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes (${limit / 1024 / 1024} MiB), the most this mock reads.`);
  }
}

/** The body's bytes, at most `limit` of them (else BodyTooLarge); undefined for none. */
export async function readLimitedBody(request: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<Buffer | undefined> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks, size) : undefined;
}

/** Whether a path's percent-encoding decodes (`/instances/%E0%A4%A`, a lone `%` do not). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The API's own error for a request the host refuses (400, 413): the operation's declared answer, else
 * any operation's, else a body in the API's error shape (the model's) when the spec declares none.
 */
export function refusalAnswer(engine: Engine, model: EngineModel, operationId: string | undefined, status: number, message: string): EngineResponse {
  const declared = engine.errorAnswer(operationId, status, message) ?? model.operations.map((op) => engine.errorAnswer(op.operationId, status, message)).find(Boolean);
  if (declared) return declared;
  const { errorShape } = model;
  const fields = {
    ...(errorShape.code ? { [errorShape.code]: STATUS_CODES[status]?.toLowerCase().replaceAll(" ", "_") } : {}),
    ...(errorShape.title ? { [errorShape.title]: STATUS_CODES[status] } : {}),
    ...(errorShape.message ? { [errorShape.message]: message } : {}),
  };
  return { status, headers: { "content-type": "application/json" }, body: errorShape.path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), fields) };
}
