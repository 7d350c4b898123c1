// The stateful mock's HTTP host (startMock of each API of spec/, over real HTTP) against a hostile page
// and a careless client: CORS for any origin but never with credentials, and only the spec's methods
// and headers; a Host that is not its address (DNS rebinding) refused; a malformed path the API's 400;
// a body over the documented limit a 413 before it is read.
import { request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REQUEST_BYTES } from "../src/http-guards.js";
import { bundledSpec, listApis, startMock, type RunningMock } from "../src/repo-mocks.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP exchange (fetch would not let a test set Host, or send a path fetch would normalise). */
function raw(url: string, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string }): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method: options.method ?? "GET", path: options.path, headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe.each(listApis())("%s: the stateful mock's HTTP host", (api) => {
  let mock: RunningMock;
  const spec = JSON.parse(readFileSync(bundledSpec(api), "utf8"));
  const model = JSON.parse(readFileSync(bundledSpec(api).replace(/[^/]+$/, "model.json"), "utf8"));
  /** A collection path of the spec and the path of its item, e.g. /things and /things/{id}. */
  const itemPath = Object.keys(spec.paths).find((path) => /\/\{[^}]+\}$/.test(path)) ?? "/{id}";
  /** The object holding the API's error fields, from an error body. */
  const errorFields = (body: string) => model.errorShape.path.reduce((node: any, key: string) => node?.[key], JSON.parse(body));
  beforeAll(async () => {
    mock = await startMock(api);
  });
  afterAll(() => mock?.stop());

  it("answers CORS for any origin, without credentials", async () => {
    const answer = await raw(mock.url, { path: "/", headers: { origin: "https://evil.example" } });
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("a preflight gets the spec's methods and headers, not whatever it asked for", async () => {
    const answer = await raw(mock.url, {
      method: "OPTIONS",
      path: "/",
      headers: { origin: "https://evil.example", "access-control-request-method": "PROPFIND", "access-control-request-headers": "x-evil, authorization" },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
    const methods = String(answer.headers["access-control-allow-methods"]).split(", ");
    const used = new Set(Object.values(spec.paths).flatMap((item: any) => Object.keys(item).map((m) => m.toUpperCase())));
    expect(methods).not.toContain("PROPFIND");
    expect(methods.every((m) => used.has(m))).toBe(true);
    const headers = String(answer.headers["access-control-allow-headers"]).split(", ");
    expect(headers).toContain("authorization");
    expect(headers).not.toContain("x-evil");
    expect(headers).not.toContain("*");
  });

  it.each([
    ["a rebound domain", (port: number) => `rebind.evil.example:${port}`],
    ["its address on another port", (port: number) => `127.0.0.1:${port + 1}`],
    ["an address it does not listen on", (port: number) => `10.0.0.1:${port}`],
  ])("refuses a Host that is %s (DNS rebinding)", async (_name, host) => {
    const answer = await raw(mock.url, { path: "/", headers: { host: host(mock.port) } });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/is not this mock's address/);
  });

  it.each([(port: number) => `127.0.0.1:${port}`, (port: number) => `localhost:${port}`])("accepts its own address as Host (%#)", async (host) => {
    const answer = await raw(mock.url, { path: "/__no_such_path__", headers: { host: host(mock.port) } });
    expect(answer.status).toBe(404);
  });

  it.each(["%E0%A4%A", "%", "a%zz"])("a path segment %j that does not decode is the API's 400 with its error body, not a 500", async (segment) => {
    const path = itemPath.replace(/\{[^}]+\}$/, segment);
    const answer = await raw(mock.url, { path, headers: { authorization: "Bearer t", "x-api-key": "t", accept: "application/json" } });
    expect(answer.status).toBe(400);
    const fields = errorFields(answer.body);
    expect(fields[model.errorShape.message]).toMatch(/is not valid percent-encoding/);
    expect(answer.body).not.toMatch(/URI malformed|stateful mock failed/);
  });

  it("a body over the limit is a 413 with the API's error body, refused before it is read (Content-Length)", async () => {
    const answer = await raw(mock.url, { method: "POST", path: "/", headers: { "content-type": "application/json", "content-length": MAX_REQUEST_BYTES + 1 }, body: "{" });
    expect(answer.status).toBe(413);
    expect(errorFields(answer.body)[model.errorShape.message]).toBe("The request body is larger than 1048576 bytes (1 MiB), the most this mock reads.");
  });

  it("a chunked body is read no further than the limit", async () => {
    const big = Buffer.alloc(MAX_REQUEST_BYTES + 64 * 1024, 0x20);
    const answer = await raw(mock.url, { method: "POST", path: "/", headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, body: big }).catch((error: Error) => error);
    // the mock answers 413 and closes; a client still writing may see the connection reset instead
    if (answer instanceof Error) expect(answer.message).toMatch(/ECONNRESET|EPIPE|socket hang up/);
    else expect(answer.status).toBe(413);
  });

  it("a body within the limit is still served", async () => {
    const answer = await raw(mock.url, { method: "POST", path: "/", headers: { "content-type": "application/json" }, body: JSON.stringify({ pad: "x".repeat(1000) }) });
    expect(answer.status).not.toBe(413);
  });
});
