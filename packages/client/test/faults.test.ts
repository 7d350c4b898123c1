// The request core against a local server producing the faults Prism cannot: resets, slow answers,
// malformed bodies, 429/503 with Retry-After. Each case checks the error class and the attempt count.
import { getEventListeners } from "node:events";
import { gzipSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
} from "../src/index.js";
import { reply, startFaultServer, type FaultServer, type Handler } from "@repo/mock-server/fault-server";
import { fixtureClient } from "./helpers/fixture-api.js";

const unhandled: unknown[] = [];
beforeAll(() => {
  process.on("unhandledRejection", (reason) => unhandled.push(reason));
});

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  expect(unhandled).toEqual([]);
});

async function serve(...script: Handler[]) {
  server = await startFaultServer(...script);
  return server;
}

const ok = reply.json(200, { items: [], meta: { total: 0, page: 1, page_size: 25 } });
const errorBody = { error: { code: "UNAVAILABLE", message: "Try again later.", details: [], request_id: "req_1" } };

describe("retries", () => {
  it.each([
    ["503 with Retry-After", [reply.json(503, errorBody, { "retry-after": "0" }), ok], 2],
    ["429 with Retry-After", [reply.json(429, errorBody, { "retry-after": "0" }), ok], 2],
    ["502 HTML page", [reply.text(502, "<html><h1>Bad Gateway</h1></html>", "text/html", { "retry-after": "0" }), ok], 2],
    ["504", [reply.text(504, "", "text/plain", { "retry-after": "0" }), ok], 2],
  ] as const)("a GET answered %s is retried, then succeeds", async (_name, script, attempts) => {
    const { url, requests } = await serve(...script);
    const { data } = await fixtureClient("tok", { baseUrl: url }).request("items.list");
    expect(data).toEqual({ items: [], meta: { total: 0, page: 1, page_size: 25 } });
    expect(requests).toHaveLength(attempts);
  });

  it.each([
    ["429 → RateLimitError", reply.json(429, errorBody, { "retry-after": "0" }), RateLimitError],
    ["503 → ServiceUnavailableError", reply.json(503, errorBody, { "retry-after": "0" }), ServiceUnavailableError],
  ] as const)("a persistent %s after 1 + maxRetries attempts", async (_name, handler, ErrorClass) => {
    const { url, requests } = await serve(handler);
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ code: "UNAVAILABLE", requestId: "req_1", details: [] });
    expect(requests).toHaveLength(3);
  });

  it("an HTML 502 page ends as an ApiError (status 502) that quotes the page", async () => {
    const { url, requests } = await serve(reply.text(502, "<html><h1>Bad Gateway</h1></html>", "text/html", { "retry-after": "0" }));
    const error = await fixtureClient("tok", { baseUrl: url, maxRetries: 1 }).request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: undefined, body: "<html><h1>Bad Gateway</h1></html>" });
    expect((error as Error).message).toMatch(/^502 Bad Gateway: the body is not JSON: <html>/);
    expect(requests).toHaveLength(2);
  });

  it("a 500 is not retried", async () => {
    const { url, requests } = await serve(reply.json(500, errorBody));
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
  });

  it("connection resets are retried with backoff, then throw ConnectionError saying how many attempts were made", async () => {
    const { url, requests } = await serve(reply.reset());
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(new RegExp(`^Could not reach ${url}/items: .+ \\(3 attempts\\)\\.$`));
    expect(requests).toHaveLength(3);
  });

  it("a redirect loop is final: one attempt (fetch's 21 requests), not retried as a connection error", async () => {
    const { url, requests } = await serve((req, res) => res.writeHead(302, { location: req.url ?? "/" }).end());
    const error = await fixtureClient("tok", { baseUrl: url, maxRetries: 2 }).request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:\d+\/items: redirect count exceeded \(a redirect loop\?\); not retried \(1 attempt\)\.$/);
    expect(requests).toHaveLength(21);
  });

  it("onRetry hears of every wait: the attempt, the delay and why", async () => {
    const { url } = await serve(reply.json(503, errorBody, { "retry-after": "0.01" }), reply.reset(), ok);
    const retries: unknown[] = [];
    await fixtureClient("tok", { baseUrl: url, maxRetries: 2, onRetry: (info) => retries.push(info) }).request("items.list");
    expect(retries).toEqual([
      { operationId: "items.list", attempt: 1, maxAttempts: 3, delay: 10, retryAfter: true, status: 503 },
      { operationId: "items.list", attempt: 2, maxAttempts: 3, delay: expect.any(Number), retryAfter: false, error: expect.any(Error) },
    ]);
  });

  it("a reset followed by an answer succeeds", async () => {
    const { url, requests } = await serve(reply.reset(), ok);
    await expect(fixtureClient("tok", { baseUrl: url }).request("items.list")).resolves.toMatchObject({ data: { items: [] } });
    expect(requests).toHaveLength(2);
  });

  it("maxRetries per request overrides the client's", async () => {
    const { url, requests } = await serve(reply.json(503, errorBody, { "retry-after": "0" }));
    const client = fixtureClient("tok", { baseUrl: url, maxRetries: 5 });
    await expect(client.request("items.list", {}, { maxRetries: 0 })).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(requests).toHaveLength(1);
  });
});

describe("Retry-After beyond what the client waits (60 s)", () => {
  const inAnHour = () => new Date(Date.now() + 3_600_000).toUTCString();
  it.each([
    ["503 with Retry-After: 120", () => reply.json(503, errorBody, { "retry-after": "120" }), ServiceUnavailableError, 120],
    ["429 with Retry-After: 61", () => reply.json(429, errorBody, { "retry-after": "61" }), RateLimitError, 61],
    ["503 with an HTTP date an hour ahead", () => reply.json(503, errorBody, { "retry-after": inAnHour() }), ServiceUnavailableError, 3600],
  ] as const)("%s is not retried: thrown at once with error.retryAfter in seconds", async (_name, handler, ErrorClass, seconds) => {
    const { url, requests } = await serve(handler());
    const started = Date.now();
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.list").catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ApiError).retryAfter).toBeGreaterThanOrEqual(seconds - 1);
    expect((error as ApiError).retryAfter).toBeLessThanOrEqual(seconds);
    expect((error as Error).message).toMatch(/ \(retry after \d+ s\) \(request id req_1\)$/);
    expect(requests).toHaveLength(1);
  });

  it.each(["-5", "soon"])("an invalid Retry-After (%s) counts as absent: normal backoff, never 0 ms", async (header) => {
    const { url, requests } = await serve(reply.json(503, errorBody, { "retry-after": header }), ok);
    const started = Date.now();
    await fixtureClient("tok", { baseUrl: url }).request("items.list");
    expect(Date.now() - started).toBeGreaterThanOrEqual(370);
    expect(requests).toHaveLength(2);
  });

  it("a retried error still carries the last Retry-After", async () => {
    const { url } = await serve(reply.json(429, errorBody, { "retry-after": "0" }));
    const error = await fixtureClient("tok", { baseUrl: url, maxRetries: 1 }).request("items.list").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfter: 0 });
  });
});

describe("POST and idempotency", () => {
  it("a POST without an idempotency key is not retried", async () => {
    const { url, requests } = await serve(reply.json(503, errorBody, { "retry-after": "0" }), ok);
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.create", { name: "a" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers["idempotency-key"]).toBeUndefined();
  });

  it("a POST whose connection resets is not retried without a key, and the error says why", async () => {
    const { url, requests } = await serve(reply.reset(), ok);
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.create", { name: "a" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ \(1 attempt; a POST is retried only with an Idempotency-Key\)\.$/);
    expect(requests).toHaveLength(1);
  });

  it("a POST with idempotencyKey is retried with the same key", async () => {
    const { url, requests } = await serve(reply.json(503, errorBody, { "retry-after": "0" }), ok);
    const client = fixtureClient("tok", { baseUrl: url });
    await client.request("items.create", { name: "a" }, { idempotencyKey: "key-123" });
    expect(requests.map((r) => r.headers["idempotency-key"])).toEqual(["key-123", "key-123"]);
    expect(requests.map((r) => JSON.parse(r.body))).toEqual([{ name: "a" }, { name: "a" }]);
  });

  it("a POST whose spec declares Idempotency-Key gets a generated key, kept across retries", async () => {
    const { url, requests } = await serve(reply.json(429, errorBody, { "retry-after": "0" }), ok);
    await fixtureClient("tok", { baseUrl: url }).request("items.launch", { id: "it_1", body: { at: "now" } });
    const keys = requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
  });
});

describe("timeouts and cancellation", () => {
  it("a response slower than the timeout throws TimeoutError, each attempt bounded", async () => {
    const { url, requests } = await serve(reply.slow(5_000));
    const client = fixtureClient("tok", { baseUrl: url, timeout: 100, maxRetries: 1 });
    const error = await client.request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/items timed out after 100 ms \(2 attempts\)\.$/);
    expect(requests).toHaveLength(2);
  });

  it("the per-request timeout overrides the client's", async () => {
    const { url, requests } = await serve(reply.slow(5_000));
    const client = fixtureClient("tok", { baseUrl: url, timeout: 60_000, maxRetries: 0 });
    await expect(client.request("items.list", {}, { timeout: 50 })).rejects.toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(1);
  });

  it.each([0, Infinity])("timeout %s means no timeout", async (timeout) => {
    const { url } = await serve(reply.slow(300, { items: [] }));
    await expect(fixtureClient("tok", { baseUrl: url, timeout }).request("items.list")).resolves.toMatchObject({ data: { items: [] } });
  });

  it("a POST that times out is not retried without a key", async () => {
    const { url, requests } = await serve(reply.slow(5_000));
    const client = fixtureClient("tok", { baseUrl: url, timeout: 50 });
    await expect(client.request("items.create", { name: "a" })).rejects.toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(1);
  });

  it("the caller's AbortSignal cancels with its reason and is not retried", async () => {
    const { url, requests } = await serve(reply.slow(5_000));
    const controller = new AbortController();
    const pending = fixtureClient("tok", { baseUrl: url }).request("items.list", {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user cancelled")), 50);
    await expect(pending).rejects.toThrow("user cancelled");
    expect(requests).toHaveLength(1);
  });

  it("one caller signal shared by 100 concurrent calls (and their retry waits) raises no MaxListenersExceededWarning", async () => {
    let served = 0;
    // the first answer of every call is a 503 asking for a short wait, so the calls also wait on the signal
    const { url, requests } = await serve((_req, res) => {
      const status = ++served <= 100 ? 503 : 200;
      setTimeout(() => res.writeHead(status, { "content-type": "application/json", "retry-after": "0.05" }).end(JSON.stringify(status === 200 ? { items: [] } : errorBody)), 20);
    });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      // 100 answers are 503s, but which call gets them depends on timing: enough retries that none runs out
      const client = fixtureClient("tok", { baseUrl: url, maxRetries: 100 });
      await Promise.all(Array.from({ length: 100 }, () => client.request("items.list", {}, { signal: controller.signal })));
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0); // nothing left behind once the calls end
      await new Promise((resolve) => setTimeout(resolve, 50)); // warnings are emitted on a later tick
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    expect(requests).toHaveLength(200);
  });

  it("a shared signal still aborts every call that uses it", async () => {
    const { url } = await serve(reply.slow(5_000));
    const controller = new AbortController();
    const client = fixtureClient("tok", { baseUrl: url });
    const calls = Array.from({ length: 20 }, () => client.request("items.list", {}, { signal: controller.signal }).catch((e: unknown) => e));
    setTimeout(() => controller.abort(new Error("all stop")), 50);
    expect((await Promise.all(calls)).map((e) => (e as Error).message)).toEqual(Array(20).fill("all stop"));
  });

  it("an abort during the wait between retries stops the retries", async () => {
    const { url, requests } = await serve(reply.json(503, errorBody, { "retry-after": "30" }));
    const controller = new AbortController();
    const pending = fixtureClient("tok", { baseUrl: url }).request("items.list", {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop waiting")), 200);
    await expect(pending).rejects.toThrow("stop waiting");
    expect(requests).toHaveLength(1);
  });
});

describe("bodies", () => {
  it("malformed JSON in a 200 throws InvalidResponseError, not retried", async () => {
    const { url, requests } = await serve(reply.text(200, '{"items": [', "application/json"));
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, body: '{"items": [' });
    expect((error as Error).message).toContain("items.list is not valid JSON");
    expect(requests).toHaveLength(1);
  });

  it("a 204 resolves to undefined where the spec declares no body", async () => {
    const { url } = await serve((_req, res) => res.writeHead(204).end());
    await expect(fixtureClient("tok", { baseUrl: url }).request("items.delete", { id: "it_1" })).resolves.toMatchObject({ data: undefined });
  });

  it.each([
    ["a 204", (_req, res) => res.writeHead(204).end()],
    ["an empty 200", reply.text(200, "", "application/json")],
    ["a 200 of blanks", reply.text(200, " \n", "application/json")],
    ["a 205", (_req, res) => res.writeHead(205).end()],
  ] as Array<[string, Handler]>)("%s where the spec promises a JSON body is an InvalidResponseError, not retried", async (_name, handler) => {
    const { url, requests } = await serve(handler);
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.get", { id: "it_1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/^The 20[045] response to items.get has no body; the spec promises JSON\.$/);
    expect(requests).toHaveLength(1);
  });

  it("a Content-Length over maxResponseBytes fails at once, before the body is read", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) });
      res.write("["); // …and never the rest: reading it would wait for the timeout
    });
    const started = Date.now();
    const error = await fixtureClient("tok", { baseUrl: url, maxResponseBytes: 1024 * 1024, timeout: 5_000 }).request("items.list").catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      "The 200 response to items.list is larger than maxResponseBytes (1048576 bytes); it was not read.",
    );
  });

  it("a streamed body that passes maxResponseBytes is aborted there (not buffered whole), and not retried", async () => {
    let written = 0;
    let closed: Promise<void> = Promise.resolve();
    const { url, requests } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }); // chunked: no Content-Length to judge by
      const chunk = Buffer.alloc(64 * 1024, " ");
      closed = new Promise((resolve) => res.on("close", resolve));
      const pump = () => {
        while (!res.destroyed && written < 200 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed && written < 200 * 1024 * 1024) res.once("drain", pump);
      };
      pump();
    });
    const error = await fixtureClient("tok", { baseUrl: url, maxResponseBytes: 1024 * 1024 }).request("items.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain("larger than maxResponseBytes (1048576 bytes)");
    await closed;
    expect(written).toBeLessThan(20 * 1024 * 1024);
    expect(requests).toHaveLength(1);
  });

  it("a gzip body is judged by its decoded size (a small Content-Length cannot smuggle a large body)", async () => {
    const packed = gzipSync(Buffer.alloc(8 * 1024 * 1024, "["));
    const { url } = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(packed.length) }).end(packed));
    const error = await fixtureClient("tok", { baseUrl: url, maxResponseBytes: 1024 * 1024 }).request("items.list").catch((e: unknown) => e);
    expect((error as Error).message).toContain("larger than maxResponseBytes (1048576 bytes)");
  });

  it("a body of exactly maxResponseBytes is read", async () => {
    const body = JSON.stringify({ items: ["x".repeat(1000)] });
    const { url } = await serve(reply.text(200, body, "application/json"));
    const { data } = await fixtureClient("tok", { baseUrl: url, maxResponseBytes: Buffer.byteLength(body) }).request("items.list");
    expect(data).toEqual(JSON.parse(body));
  });

  it("an error keeps at most 64 KiB of its body, with a note; its fields come from the whole body", async () => {
    const big = { error: { code: "BOOM", message: "Too much.", details: ["x".repeat(200_000)], request_id: "req_big" } };
    const { url } = await serve(reply.json(500, big), reply.text(500, "y".repeat(300_000), "text/plain"), reply.text(200, `{"items": [${"1,".repeat(100_000)}`, "application/json"));
    const client = fixtureClient("tok", { baseUrl: url });
    const json = (await client.request("items.list").catch((e: unknown) => e)) as ApiError;
    expect(json).toMatchObject({ status: 500, code: "BOOM", requestId: "req_big" });
    expect(json.message).toMatch(/^500 BOOM: Too much\./);
    expect(typeof json.body).toBe("string");
    expect((json.body as string).length).toBeLessThan(66 * 1024);
    expect(json.body as string).toMatch(/^\{"error":\{"code":"BOOM".*… \[cut by the SDK at 65536 of \d+ characters\]$/);
    const text = (await client.request("items.list").catch((e: unknown) => e)) as ApiError;
    expect(text.body).toBe(`${"y".repeat(65536)}… [cut by the SDK at 65536 of 300000 characters]`);
    const invalid = (await client.request("items.list").catch((e: unknown) => e)) as InvalidResponseError;
    expect(invalid).toBeInstanceOf(InvalidResponseError);
    expect(invalid.body).toMatch(/… \[cut by the SDK at 65536 of 200011 characters\]$/);
  });

  it("the request id comes from the header when the body has none", async () => {
    const { url } = await serve(reply.json(404, { error: { code: "NOT_FOUND", message: "No item it_9." } }, { "x-request-id": "req_h" }));
    const error = await fixtureClient("tok", { baseUrl: url }).request("items.get", { id: "it_9" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND", requestId: "req_h", message: "404 NOT_FOUND: No item it_9. (request id req_h)" });
  });
});
