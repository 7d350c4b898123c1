// auth-and-limits.ts: `tokens`, rate limits with Retry-After, and x-mock-auth answers per credential.
import { describe, expect, it } from "vitest";
import { buildModel } from "@repo/model/build";
import type { EngineModel } from "../src/index.js";
import { INSTANCE, node, nodeModel, setup, START } from "./harness.js";

describe("credentials and limits", () => {
  it("tokens: any other credential gets the spec's 401", () => {
    const { call } = setup({ tokens: ["cn_test_good"] });
    for (const headers of [{ authorization: "Bearer cn_test_bad" }, { authorization: "" }]) {
      const refused = call("GET /me", { headers });
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: "UNAUTHORIZED", message: "Invalid API key", request_id: refused.headers["X-Request-Id"] });
    }
    expect(call("GET /me", { headers: { authorization: "Bearer cn_test_good" } }).status).toBe(200);
  });

  it("tokens with HTTP Basic: `token:` (the SDK's token as the user name, no password) is that token", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "T", version: "1" },
      security: [{ basic: [] }],
      components: { securitySchemes: { basic: { type: "http", scheme: "basic" } } },
      paths: { "/me": { get: { operationId: "me.get", responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "object" }, example: { ok: true } } } }, 401: { description: "no" } } } } },
    };
    const { call } = setup({ tokens: ["tok_good", "user:secret"] }, [doc, buildModel("t", doc, { specHash: "x" }) as unknown as EngineModel]);
    const basic = (text: string) => ({ authorization: `Basic ${btoa(text)}` });
    expect([basic("tok_good:"), basic("user:secret")].map((headers) => call("GET /me", { headers }).status)).toEqual([200, 200]);
    expect([basic("tok_bad:"), basic("user:other"), basic("tok_good:x")].map((headers) => call("GET /me", { headers }).status)).toEqual([401, 401, 401]);
  });

  it("rateLimit: a 429 with Retry-After once the window is spent, allowed again after it", () => {
    const { call, advance } = setup({ rateLimit: { limit: 2, window: 10 } });
    expect([call("GET /me").status, call("GET /me").status]).toEqual([200, 200]);
    advance(3000);
    const limited = call("GET /me");
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({ "Retry-After": "7", "X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String((START + 10_000) / 1000) });
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(limited.body.error.message).not.toMatch(/600/);
    // per credential
    expect(call("GET /me", { headers: { authorization: "Bearer cn_test_other" } }).status).toBe(200);
    advance(7000);
    const again = call("GET /me");
    expect(again.status).toBe(200);
    expect(again.headers["X-RateLimit-Remaining"]).toBe("1");
  });

  it("a refused token is a 401 even when a scenario is asked for", () => {
    const { call } = setup({ tokens: ["cn_test_good"] });
    const answer = call(`GET /instances/${INSTANCE}`, { headers: { authorization: "Bearer cn_test_bad", prefer: "code=404" } });
    expect(answer.status).toBe(401);
  });
});

describe("Cloudnode: x-mock-auth", () => {
  const cloudnode = () => setup({}, [node, nodeModel]);

  it("a bearer token answers via token, with the token", () => {
    const answer = cloudnode().call("GET /auth/check", { headers: { authorization: "Bearer token_x" } });
    expect(answer.status).toBe(200);
    expect(answer.body.via).toBe("token");
    expect(answer.body.token).toEqual(expect.objectContaining({ id: expect.any(String) }));
  });

  it("a session cookie answers via session, without a token", () => {
    const answer = cloudnode().call("GET /auth/check", { headers: { authorization: "", cookie: "session=abc" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ via: "session", token: null });
  });
});
