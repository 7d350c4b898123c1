// The Cloudnode ApiClient (its real generated table) against a local server for the faults Prism
// cannot produce: Cloudnode's flat error body and X-Response-Id, Retry-After, timeouts.
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { afterEach, describe, expect, it } from "vitest";
import { ApiClient, ServiceUnavailableError, TimeoutError } from "../src/index.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const maintenance = reply.json(
  503,
  { code: "err_maintenance", title: "Down for maintenance", message: "Back in a minute." },
  { "retry-after": "0", "x-response-id": "resp_42" },
);

describe("cloudnode ApiClient faults", () => {
  it("a 503 is retried, then ServiceUnavailableError carries code, title and the X-Response-Id", async () => {
    server = await startFaultServer(maintenance);
    const error = await new ApiClient("t", { baseUrl: server.url }).auth.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ code: "err_maintenance", title: "Down for maintenance", requestId: "resp_42" });
    expect((error as Error).message).toBe("503 err_maintenance: Down for maintenance: Back in a minute. (request id resp_42)");
    expect(server.requests).toHaveLength(3);
  });

  it("the client timeout bounds each attempt; the per-request one overrides it", async () => {
    server = await startFaultServer(reply.slow(5_000));
    const apiClient = new ApiClient("t", { baseUrl: server.url, timeout: 60_000, maxRetries: 0 });
    await expect(apiClient.check(undefined, { timeout: 50 })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("the session cookie and token travel on every attempt", async () => {
    server = await startFaultServer(maintenance, reply.json(200, {}));
    await new ApiClient("t", { baseUrl: server.url, session: "sess_1" }).auth.check();
    expect(server.requests.map((r) => [r.headers.authorization, r.headers.cookie])).toEqual([
      ["Bearer t", "session=sess_1"],
      ["Bearer t", "session=sess_1"],
    ]);
  });
});
