// client.raw: the typed openapi-fetch client, loaded lazily, with the client's URL and credentials.
import { afterEach, describe, expect, it } from "vitest";
import type { Middleware } from "openapi-fetch";
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { fixtureClient } from "./helpers/fixture-api.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("client.raw", () => {
  it("sends the client's credentials and headers to the client's base URL", async () => {
    server = await startFaultServer(reply.json(200, { id: "it_1" }));
    const client = fixtureClient("tok", { baseUrl: `${server.url}/v1`, headers: { "X-Team": "a" } });
    const { data, response } = await client.raw.GET("/items/{id}" as never, { params: { path: { id: "it_1" } } } as never);
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: "it_1" });
    expect(server.requests[0]).toMatchObject({ url: "/v1/items/it_1", headers: { authorization: "Bearer tok", "x-team": "a" } });
  });

  it("applies middleware registered before the first call, and ejects it", async () => {
    server = await startFaultServer(reply.json(200, {}));
    const client = fixtureClient("tok", { baseUrl: server.url });
    const tag: Middleware = { onRequest: ({ request }) => (request.headers.set("x-tag", "1"), request) };
    client.raw.use(tag);
    await client.raw.GET("/items" as never);
    client.raw.eject(tag);
    await client.raw.GET("/items" as never);
    expect(server.requests.map((r) => r.headers["x-tag"])).toEqual(["1", undefined]);
  });
});
