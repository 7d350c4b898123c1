// How flat params become a request, what the logger sees, and what bad input says. A local server
// records what arrives (the fixture table has shapes the real specs lack).
import { afterEach, describe, expect, it } from "vitest";
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { fixtureClient } from "./helpers/fixture-api.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const ok = reply.json(200, { items: [], meta: { total: 0, page: 1, page_size: 25 } });

describe("flat params", () => {
  it("puts path, query, header params and the body where the table says", async () => {
    server = await startFaultServer(ok);
    const client = fixtureClient("tok", { baseUrl: `${server.url}/v1/` });
    await client.request("items.launch", { id: "it 1/2", "Idempotency-Key": "k1", body: { id: "body-id" } });
    const [seen] = server.requests;
    expect(seen).toMatchObject({ method: "POST", url: "/v1/items/it%201%2F2/launch", body: '{"id":"body-id"}' });
    expect(seen!.headers).toMatchObject({ "idempotency-key": "k1", "content-type": "application/json", authorization: "Bearer tok" });
  });

  it.each([
    ["multipart", "files.upload", { name: "a.txt", size: 3 }, /^multipart\/form-data; boundary=/, /name="name"\r\n\r\na\.txt\r\n/],
    ["a form", "forms.submit", { a: "1", b: "x y" }, /^application\/x-www-form-urlencoded/, /^a=1&b=x\+y$/],
    ["text", "notes.put", "hello", /^text\/plain/, /^hello$/],
  ] as const)("sends a %s body in the spec's media type", async (_name, id, body, contentType, sent) => {
    server = await startFaultServer(ok);
    await fixtureClient("tok", { baseUrl: server.url }).request(id, { body });
    expect(server.requests[0]!.headers["content-type"]).toMatch(contentType);
    expect(server.requests[0]!.body).toMatch(sent);
  });

  it("serializes query arrays as repeated keys and skips undefined", async () => {
    server = await startFaultServer(ok);
    await fixtureClient("tok", { baseUrl: server.url }).request("items.list", { status: ["a", "b"], page: undefined, page_size: 5 });
    expect(server.requests[0]!.url).toBe("/items?status=a&status=b&page_size=5");
  });

  it("sends client headers, request headers (which win), the user agent, the session cookie and Prefer", async () => {
    server = await startFaultServer(ok);
    const client = fixtureClient(undefined, { baseUrl: server.url, session: "s 1", userAgent: "my-app/1.0", headers: { "X-Team": "a", "X-Env": "prod" } });
    await client.request("items.list", {}, { headers: { "X-Env": "test" }, prefer: { code: 200, example: "empty", dynamic: false } });
    expect(server.requests[0]!.headers).toMatchObject({
      "x-team": "a",
      "x-env": "test",
      "user-agent": "my-app/1.0",
      cookie: "session=s%201",
      prefer: "code=200, example=empty, dynamic=false",
    });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("a caller's header replaces the client's whatever its case", async () => {
    server = await startFaultServer(ok);
    const client = fixtureClient("tok", { baseUrl: server.url, headers: { ACCEPT: "application/vnd.x+json" } });
    await client.request("items.list", {}, { headers: { authorization: "Bearer other" } });
    expect(server.requests[0]!.headers).toMatchObject({ accept: "application/vnd.x+json", authorization: "Bearer other" });
  });

  it("reads the token and base URL from the environment when none is given", async () => {
    server = await startFaultServer(ok);
    process.env.FIXTURE_TOKEN = "env_tok";
    process.env.FIXTURE_BASE_URL = server.url;
    try {
      await fixtureClient(undefined, {}).request("items.list");
    } finally {
      delete process.env.FIXTURE_TOKEN;
      delete process.env.FIXTURE_BASE_URL;
    }
    expect(server.requests[0]!.headers.authorization).toBe("Bearer env_tok");
  });

  it.each([
    ["an unknown operation", "items.lsit", {}, /Unknown operation "items.lsit" of the fixture API. Known operations: items.list, /],
    ["an unknown parameter", "items.list", { stauts: "x" }, /Unknown parameter "stauts" for items.list; it takes "status", "page", "page_size"/],
    ["a missing path parameter", "items.get", {}, /Missing path parameter "id" for items.get/],
  ] as const)("%s is a TypeError that says what to fix, and nothing is sent", async (_name, id, params, message) => {
    server = await startFaultServer(ok);
    await expect(fixtureClient("tok", { baseUrl: server.url }).request(id, params)).rejects.toThrow(message);
    expect(server.requests).toHaveLength(0);
  });
});

describe("the debug logger", () => {
  it("sees every attempt and retry but never the token or the session", async () => {
    server = await startFaultServer(reply.json(503, {}, { "retry-after": "0" }), ok);
    const lines: unknown[][] = [];
    const logger = { debug: (...args: unknown[]) => lines.push(args) };
    const client = fixtureClient("secret_tok_123", { baseUrl: server.url, session: "secret_sess_456", logger, headers: { "X-Api-Key": "secret_key_789" } });
    await client.request("items.list");
    const text = JSON.stringify(lines);
    expect(text).toContain("attempt 1/3");
    expect(text).toContain("attempt 2/3");
    expect(text).toContain("retrying in 0 ms (Retry-After: 0)");
    expect(text).not.toMatch(/secret_tok_123|secret_sess_456|secret_key_789/);
  });

  it("says why a POST without an idempotency key was not retried", async () => {
    server = await startFaultServer(reply.json(503, {}, { "retry-after": "0" }));
    const lines: string[] = [];
    const client = fixtureClient("tok", { baseUrl: server.url, logger: { debug: (message: string) => lines.push(message) } });
    await expect(client.request("items.create", { name: "a" })).rejects.toThrow();
    expect(lines.at(-1)).toBe("fixture items.create: not retried: a POST is retried only with an Idempotency-Key (RequestOptions.idempotencyKey)");
  });
});

describe("credentials and headers that cannot be sent", () => {
  const secret = "SECRET_tok_9f3";
  it.each([
    ["a line break", `${secret}\nX-Evil: 1`],
    ["a carriage return", `${secret}\r`],
    ["a NUL", `${secret}\0`],
    ["DEL", `${secret}\x7F`],
    ["a leading space", ` ${secret}`],
    ["a trailing newline", `${secret}\n`],
    ["a trailing tab", `${secret}\t`],
    ["a character beyond U+00FF", `${secret}€`],
  ])("a token with %s is a TypeError in the constructor that never shows it", (_name, token) => {
    const error = (() => {
      try {
        fixtureClient(token, { baseUrl: "http://127.0.0.1:1" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toMatch(/^The token has a control character .*its value is not shown/);
    expect(`${String(error)} ${error!.stack} ${JSON.stringify(error)}`).not.toContain(secret);
  });

  it("a token with a tab inside is a valid field value and is sent", async () => {
    server = await startFaultServer(ok);
    await fixtureClient("a\tb", { baseUrl: server.url }).request("items.list");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer a\tb");
  });

  it("the environment's token and a session are checked alike, named by where they came from", () => {
    process.env.FIXTURE_TOKEN = `${secret}\n`;
    try {
      expect(() => fixtureClient(undefined, { baseUrl: "http://127.0.0.1:1" })).toThrow(/^FIXTURE_TOKEN has a control character/);
    } finally {
      delete process.env.FIXTURE_TOKEN;
    }
    expect(() => fixtureClient(undefined, { baseUrl: "http://127.0.0.1:1", session: `${secret}\r\n` })).toThrow(/^The session has a control character/);
  });

  it("a base URL with user:password@ is a TypeError that does not repeat the password", () => {
    const error = (() => {
      try {
        fixtureClient("tok", { baseUrl: `https://me:${secret}@api.example.test/v1` });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toBe('The base URL must not contain user:password@ (pass the credential as the token), got "https://api.example.test/v1".');
  });

  it.each([
    ["a header parameter", { id: "it_1", "Idempotency-Key": "k\r\nX-Evil: 1", body: {} }, {}, /The value of the Idempotency-Key header has a control character/],
    ["a request header", { id: "it_1", body: {} }, { headers: { "X-Api-Key": `${secret}\n` } }, /The value of the X-Api-Key header has a control character/],
    ["a request header name", { id: "it_1", body: {} }, { headers: { "X Bad": "v" } }, /"X Bad" is not a valid HTTP header name/],
    ["an idempotency key", { id: "it_1", body: {} }, { idempotencyKey: " k" }, /The value of the Idempotency-Key header .* whitespace at an end/],
  ] as const)("%s that fetch would refuse is a TypeError before any attempt, never retried nor quoted", async (_name, params, options, message) => {
    server = await startFaultServer(ok);
    const error = (await fixtureClient("tok", { baseUrl: server.url, maxRetries: 3 })
      .request("items.launch", params as Record<string, unknown>, options)
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain("X-Evil");
    expect(server.requests).toHaveLength(0);
  });

  it("client headers are checked in the constructor", () => {
    expect(() => fixtureClient("tok", { baseUrl: "http://127.0.0.1:1", headers: { "X-Api-Key": `${secret}\n` } })).toThrow(
      /^The value of the X-Api-Key header has a control character/,
    );
    expect(() => fixtureClient("tok", { baseUrl: "http://127.0.0.1:1", userAgent: "app/1\n" })).toThrow(/User-Agent header/);
  });
});

describe("path parameters never leave their template", () => {
  it.each([
    ["..", "items.get", { id: ".." }, /^Path parameter "id" of items.get cannot be "\.\.": it would send the request to another path than \/items\/\{id\}\.$/],
    [".", "items.get", { id: "." }, /^Path parameter "id" of items.get cannot be "\."/],
    ["empty", "items.get", { id: "" }, /^Path parameter "id" of items.get cannot be empty/],
    ["an empty list", "items.get", { id: [] }, /cannot be empty/],
    ["[\"..\"]", "items.get", { id: [".."] }, /cannot be "\.\."/],
    [".. (POST)", "items.launch", { id: "..", body: {} }, /^Path parameter "id" of items.launch cannot be "\.\."/],
    [".. (DELETE)", "items.delete", { id: ".." }, /^Path parameter "id" of items.delete cannot be "\.\."/],
  ] as const)("%s is a TypeError naming the parameter, and nothing is sent", async (_name, id, params, message) => {
    server = await startFaultServer(ok);
    const error = await fixtureClient("tok", { baseUrl: server.url }).request(id, params as Record<string, unknown>).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it.each([["..."], ["a..b"], [".hidden"], ["%2e%2e"], ["../x"]])("%s stays inside its segment", async (id) => {
    server = await startFaultServer(ok);
    await fixtureClient("tok", { baseUrl: `${server.url}/v1` }).request("items.get", { id });
    expect(server.requests[0]!.url).toBe(`/v1/items/${encodeURIComponent(id)}`);
  });

  it("client.raw refuses them too", async () => {
    server = await startFaultServer(ok);
    const raw = fixtureClient("tok", { baseUrl: `${server.url}/v1` }).raw;
    await expect(raw.GET("/items/{id}" as never, { params: { path: { id: ".." } } } as never)).rejects.toThrow(/^Path parameter "id" of \S*\/v1\/items\/\{id\} cannot be "\.\."/);
    expect(server.requests).toHaveLength(0);
  });
});
