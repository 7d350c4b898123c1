import { describe, expect, it } from "vitest";
import { createRawClient } from "../src/index.js";

type Paths = { "/ping": { get: { responses: { 200: { content: { "application/json": { ok: boolean } } } } } } };

describe("createRawClient", () => {
  it.each([
    ["with a token", "secret_1", "Bearer secret_1"],
    ["without a token", undefined, null],
  ])("%s", async (_name, token, expected) => {
    let seen: Request | undefined;
    const fetch = async (request: Request) => {
      seen = request;
      return Response.json({ ok: true });
    };
    const client = createRawClient<Paths>({ baseUrl: "http://api.test", token, fetch: fetch as typeof globalThis.fetch });
    const { data } = await client.GET("/ping" as never);
    expect(data).toEqual({ ok: true });
    expect(seen?.url).toBe("http://api.test/ping");
    expect(seen?.headers.get("authorization")).toBe(expected);
  });
});
