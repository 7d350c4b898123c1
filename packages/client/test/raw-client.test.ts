import { describe, expect, it } from "vitest";
import { createRawClient } from "../src/index.js";

type Paths = { "/ping": { get: { responses: { 200: { content: { "application/json": { ok: boolean } } } } } } };

describe("createRawClient", () => {
  it("refuses what fetch would refuse while quoting it: a token with a line break, a base URL with a password, a path value of ..", async () => {
    expect(() => createRawClient({ baseUrl: "http://api.test", token: "SECRET\n" })).toThrow(/^The token has a control character .*its value is not shown/);
    expect(() => createRawClient({ baseUrl: "http://me:SECRET@api.test" })).toThrow('The base URL must not contain user:password@ (pass the credential as the token), got "http://api.test".');
    let sent = 0;
    const client = createRawClient<Paths>({ baseUrl: "http://api.test", fetch: (async () => (sent++, Response.json({}))) as typeof globalThis.fetch });
    await expect(client.GET("/items/{id}" as never, { params: { path: { id: ".." } } } as never)).rejects.toThrow(/^Path parameter "id" of .* cannot be "\.\."/);
    expect(sent).toBe(0);
  });

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
