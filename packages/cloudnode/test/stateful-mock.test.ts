// Cloudnode's stateful mock (`startMock()` of cloudnode/mock): its answers reflect the credential a
// request came with, as the v4 reference describes auth/check, and Prism judges every one of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, AuthenticationError } from "../src/index.js";
import { startMock, type RunningMock } from "../src/mock.js";

let mock: RunningMock;
beforeAll(async () => {
  delete process.env.CLOUDNODE_TOKEN; // the session test sends a cookie and nothing else
  mock = await startMock({ tokens: ["token_good", "session_good"] });
});
afterAll(() => mock?.stop());

describe("cloudnode stateful mock", () => {
  it("auth.check reports a bearer token as via: token", async () => {
    const check = await mock.client({ token: "token_good" }).auth.check();
    expect(check).toMatchObject({ authenticated: true, via: "token", token: { id: expect.stringMatching(/^token_/) } });
  });

  it("auth.check reports a session cookie as via: session, with no token", async () => {
    const client = new ApiClient(undefined, { baseUrl: mock.url, session: "session_good", maxRetries: 0 });
    const check = await client.auth.check();
    expect(check).toMatchObject({ authenticated: true, via: "session", token: null });
  });

  it("account reads answer for a known credential; an unknown one is the spec's 401 (err_unauthorised)", async () => {
    const account = await mock.client({ token: "token_good" }).account.get();
    expect(account).toHaveProperty("id");
    const refused = await mock.client({ token: "token_bad" }).account.get().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthenticationError);
    expect((refused as AuthenticationError).code).toMatch(/unauthori[sz]ed/);
  });

  it("every answer was valid against the spec", () => {
    expect(mock.requests.length).toBeGreaterThanOrEqual(4);
    expect(mock.requests.filter((r) => r.violations.some((v) => v.side === "response"))).toEqual([]);
  });
});
