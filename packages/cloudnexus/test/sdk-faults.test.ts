// The CloudNexus ApiClient (its real generated table) against a local server for the faults Prism
// cannot produce: retries with the spec's Idempotency-Key, error bodies read per the spec's envelope.
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, ConnectionError, InvalidResponseError, RateLimitError, ServiceUnavailableError } from "../src/index.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const envelope = (code: string, status = 503) => reply.json(
  status,
  { error: { code, message: "Try again shortly.", details: [], request_id: "req_fault_1" } },
  { "retry-after": "0", "x-request-id": "req_fault_1" },
);
const instance = { id: "inst_1", name: "w", status: "pending", region: "eu-west-1", plan: "standard-4", image: "ubuntu-22.04", ipv4: null, tags: [], created_at: "2026-01-01T00:00:00Z" };
const create = { name: "w", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" } as const;

describe("cloudnexus ApiClient faults", () => {
  it("instances.create (POST, declares Idempotency-Key) is retried after a 503 with one generated key", async () => {
    server = await startFaultServer(envelope("SERVICE_UNAVAILABLE"), reply.json(201, instance));
    const created = await new ApiClient("k", { baseUrl: server.url }).instances.create(create);
    expect(created).toEqual(instance);
    const keys = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([create, create]);
  });

  it("instances.create is retried after a connection reset too", async () => {
    server = await startFaultServer(reply.reset(), reply.json(201, instance));
    await expect(new ApiClient("k", { baseUrl: server.url }).instances.create(create)).resolves.toEqual(instance);
    expect(server.requests).toHaveLength(2);
  });

  it("a persistent 429 ends as RateLimitError with the envelope's fields, after 1 + maxRetries attempts", async () => {
    server = await startFaultServer(envelope("RATE_LIMITED", 429));
    const error = await new ApiClient("k", { baseUrl: server.url, maxRetries: 1 }).instances.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: "RATE_LIMITED", requestId: "req_fault_1", details: [] });
    expect(server.requests).toHaveLength(2);
  });

  it("maxRetries: 0 gives up at once", async () => {
    server = await startFaultServer(envelope("SERVICE_UNAVAILABLE"));
    await expect(new ApiClient("k", { baseUrl: server.url, maxRetries: 0 }).me()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(1);
  });

  it("a refused connection is a ConnectionError naming the URL", async () => {
    server = await startFaultServer(reply.json(200, {}));
    const url = server.url;
    await server.close();
    server = undefined;
    const error = await new ApiClient("k", { baseUrl: url, maxRetries: 0 }).me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain(`${url}/me`);
  });

  it("malformed JSON is an InvalidResponseError", async () => {
    server = await startFaultServer(reply.text(200, "{not json", "application/json"));
    await expect(new ApiClient("k", { baseUrl: server.url }).me()).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("a key with a line break is a TypeError from the constructor that never shows the key, and nothing is sent", async () => {
    server = await startFaultServer(reply.json(200, {}));
    const attempt = () => new ApiClient("cn_live_SECRET\nX-Evil: 1", { baseUrl: server!.url }).me();
    expect(attempt).toThrow(TypeError);
    expect(attempt).toThrow(/^The token has a control character/);
    expect(attempt).not.toThrow(/SECRET|X-Evil/);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["instances.get", { id: ".." }],
    ["instances.get", { id: "." }],
    ["instances.get", { id: "" }],
    ["instances.listActions", { id: ".." }],
    ["instances.delete", { id: ".." }],
    ["images.get", { slug: ".." }],
  ] as const)("%s(%j) is a TypeError naming the parameter, and nothing is sent (typed method and client.request)", async (operationId, params) => {
    server = await startFaultServer(reply.json(200, {}));
    const client = new ApiClient("k", { baseUrl: server.url });
    const [namespace, method] = operationId.split(".") as [string, string];
    const typed = (client as unknown as Record<string, Record<string, (p: unknown) => Promise<unknown>>>)[namespace]![method]!;
    const name = Object.keys(params)[0]!;
    const message = new RegExp(`^Path parameter "${name}" of ${operationId} cannot be`);
    await expect(typed(params)).rejects.toThrow(message);
    await expect(client.request(operationId, params)).rejects.toThrow(message);
    await expect(client.request(operationId, params)).rejects.toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it("a 204 on me (the spec answers it only with a JSON 200) is an InvalidResponseError; sshKeys.delete's declared 204 resolves", async () => {
    server = await startFaultServer((_req, res) => res.writeHead(204).end());
    const client = new ApiClient("k", { baseUrl: server.url });
    await expect(client.me()).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(client.me()).rejects.toThrow("The 204 response to me has no body; the spec promises JSON.");
    await expect(client.sshKeys.delete({ id: "ssh_key_a1b2c3" })).resolves.toBeUndefined();
  });

  it("a 429 asking for 120 s is not retried: a RateLimitError with retryAfter 120, at once", async () => {
    server = await startFaultServer(reply.json(429, { error: { code: "RATE_LIMITED", message: "Slow down.", details: [], request_id: "req_rl" } }, { "retry-after": "120" }));
    const error = await new ApiClient("k", { baseUrl: server.url }).instances.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfter: 120, message: "429 RATE_LIMITED: Slow down. (retry after 120 s) (request id req_rl)" });
    expect(server.requests).toHaveLength(1);
  });
});
