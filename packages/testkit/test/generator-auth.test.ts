// Generator generality: every security scheme OpenAPI has. One operation per scheme (and an anonymous
// one); the SDK puts each credential where its scheme says (a header with its prefix, Basic as base64,
// the query, a cookie), and the mocks agree: Prism (the judge) and the stateful engine answer 2xx with
// no violation, and 401 when the credential is missing.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseClient, type ClientOptions } from "@repo/client";
import { buildModel, operationTable } from "@repo/model/build";
import { startMockServer, type MockServer } from "@repo/mock-server";

const SCHEMES = {
  bearer: { type: "http", scheme: "bearer" },
  basic: { type: "http", scheme: "basic" },
  headerKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
  cookieKey: { type: "apiKey", in: "cookie", name: "sid" },
  oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.fixture.test/token", scopes: { read: "read" } } } },
  oidc: { type: "openIdConnect", openIdConnectUrl: "https://auth.fixture.test/.well-known/openid-configuration" },
} as const;

const answer = { 200: { description: "OK", content: { "application/json": { schema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] }, example: { ok: true } } } }, 401: { description: "No", content: { "application/json": { schema: { type: "object" }, example: {} } } } };
const spec = {
  openapi: "3.1.0",
  info: { title: "Auth fixture", version: "1.0.0" },
  servers: [{ url: "https://api.fixture.test" }],
  security: [{ bearer: [] }],
  components: { securitySchemes: SCHEMES },
  paths: {
    ...Object.fromEntries(Object.keys(SCHEMES).map((scheme) => [`/${scheme}`, { get: { operationId: `secured.${scheme}`, security: [{ [scheme]: scheme === "oauth" ? ["read"] : [] }], responses: answer } }])),
    "/open": { get: { operationId: "open.get", security: [], responses: answer } },
  },
};
const model = buildModel("authfixture", structuredClone(spec), { specHash: "fixture" });
const table = operationTable(model);
const CREDENTIALS = { basic: "ada:s3cret", headerKey: "hk_1", queryKey: "qk_1", cookieKey: "ck_1", oauth: "at_1", oidc: "it_1" };

function specFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "auth-fixture-"));
  writeFileSync(join(dir, "openapi.json"), JSON.stringify(spec));
  writeFileSync(join(dir, "model.json"), JSON.stringify(model));
  return join(dir, "openapi.json");
}

describe("where the SDK puts each scheme's credential", () => {
  const sent: Request[] = [];
  const client = new BaseClient(table, "tok_1", {
    credentials: CREDENTIALS,
    maxRetries: 0,
    fetch: async (input, init) => {
      sent.push(new Request(input, init));
      return Response.json({ ok: true });
    },
  });
  it.each([
    ["bearer", (r: Request) => r.headers.get("authorization"), "Bearer tok_1"],
    ["basic", (r: Request) => r.headers.get("authorization"), `Basic ${Buffer.from("ada:s3cret").toString("base64")}`],
    ["headerKey", (r: Request) => r.headers.get("x-api-key"), "hk_1"],
    ["queryKey", (r: Request) => new URL(r.url).searchParams.get("api_key"), "qk_1"],
    ["cookieKey", (r: Request) => r.headers.get("cookie"), "sid=ck_1"],
    ["oauth", (r: Request) => r.headers.get("authorization"), "Bearer at_1"],
    ["oidc", (r: Request) => r.headers.get("authorization"), "Bearer it_1"],
  ] as const)("%s", async (scheme, read, want) => {
    await client.request(`secured.${scheme}`);
    const request = sent.at(-1)!;
    expect(read(request)).toBe(want);
    // only that credential: no other scheme's value travels with it
    const others = Object.values(CREDENTIALS).filter((value) => !want.includes(value) && !want.includes(Buffer.from(value).toString("base64")));
    expect(`${request.url} ${[...request.headers].join(" ")}`).not.toMatch(new RegExp(others.join("|")));
  });

  it("Basic encodes the whole user:password as UTF-8 (a password may hold colons, RFC 7617)", async () => {
    const utf8 = new BaseClient(table, undefined, { credentials: { basic: "zoë:a:b" }, maxRetries: 0, fetch: async (input, init) => (sent.push(new Request(input, init)), Response.json({ ok: true })) });
    await utf8.request("secured.basic");
    expect(sent.at(-1)!.headers.get("authorization")).toBe(`Basic ${Buffer.from("zoë:a:b", "utf8").toString("base64")}`);
    // an API key over Basic (no colon): the user name, with an empty password
    await new BaseClient(table, "sk_live_1", { maxRetries: 0, fetch: async (input, init) => (sent.push(new Request(input, init)), Response.json({ ok: true })) }).request("secured.basic");
    expect(sent.at(-1)!.headers.get("authorization")).toBe(`Basic ${Buffer.from("sk_live_1:").toString("base64")}`);
  });

  it("an anonymous operation sends no credential", async () => {
    await client.request("open.get");
    const request = sent.at(-1)!;
    expect([request.headers.get("authorization"), request.headers.get("x-api-key"), request.headers.get("cookie"), new URL(request.url).search]).toEqual([null, null, null, ""]);
  });

  it("the token fills every token scheme when no credential is named", async () => {
    const only = new BaseClient(table, "tok_2", { maxRetries: 0, fetch: async (input, init) => (sent.push(new Request(input, init)), Response.json({ ok: true })) });
    await only.request("secured.queryKey");
    expect(new URL(sent.at(-1)!.url).searchParams.get("api_key")).toBe("tok_2");
  });

  it("a logged query credential is redacted; an unknown scheme or a non-string credential is a TypeError", async () => {
    const lines: string[] = [];
    const logged = new BaseClient(table, "tok_3", { maxRetries: 0, logger: { debug: (line) => lines.push(line) }, fetch: async () => Response.json({ ok: true }) });
    await logged.request("secured.queryKey");
    expect(lines.join("\n")).toContain("api_key=%5Bredacted%5D");
    expect(lines.join("\n")).not.toContain("tok_3");
    expect(() => new BaseClient(table, "t", { credentials: { nope: "x" } })).toThrow(/no security scheme "nope"; it has "bearer", "basic"/);
    expect(() => new BaseClient(table, "t", { credentials: { basic: 5 as unknown as string } })).toThrow(TypeError);
    expect(() => new BaseClient(table, "t", { credentials: "hk_1" as unknown as Record<string, string> })).toThrow(/credentials option must be an object/);
  });
});

describe.each(["static", "stateful"] as const)("against the %s mock (Prism judges the security of every request)", (mode) => {
  let mock: MockServer<BaseClient, ClientOptions>;
  beforeAll(async () => {
    mock = await startMockServer(specFile(), (url, options) => new BaseClient(table, "tok_1", { maxRetries: 0, credentials: CREDENTIALS, ...options, baseUrl: url }), { mode });
  });
  afterAll(() => mock?.stop());

  it.each([...Object.keys(SCHEMES).map((scheme) => `secured.${scheme}`), "open.get"])("%s answers 2xx", async (operationId) => {
    const { response } = await mock.client().request(operationId);
    expect(response.status).toBe(200);
  });

  it.each(["secured.basic", "secured.queryKey", "secured.oauth"])("%s without its credential is refused with 401", async (operationId) => {
    const bare = new BaseClient(table, undefined, { maxRetries: 0, baseUrl: mock.url });
    await expect(bare.request(operationId)).rejects.toMatchObject({ status: 401 });
  });

  if (mode === "stateful") {
    it("no request broke the spec", () => {
      expect(mock.requests.filter((r) => r.status !== 401).flatMap((r) => r.violations)).toEqual([]);
    });
  }
});
