// auth-and-limits.ts: the per-credential rate-limit windows are bounded. A client that sends a new
// token with every request must not grow the mock's memory without end: past MAX_RATE_WINDOWS
// credentials the oldest window is forgotten (that credential starts afresh).
import { describe, expect, it } from "vitest";
import { MAX_RATE_WINDOWS } from "../src/auth-and-limits.js";
import { nexusModel, setup } from "./harness.js";

/** A GET of the spec without path parameters that needs a credential. */
const probe = nexusModel.operations.find((op) => op.method === "GET" && op.security.length && !op.path.includes("{"))!;

describe("rate-limit windows", () => {
  it(`keep at most ${MAX_RATE_WINDOWS} credentials: the oldest is forgotten`, () => {
    const { call } = setup({ rateLimit: { limit: 5, window: 60 } });
    const as = (token: string) => call(`GET ${probe.path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(as("first").headers["X-RateLimit-Remaining"]).toBe("4");
    expect(as("first").headers["X-RateLimit-Remaining"]).toBe("3");
    for (let i = 0; i < MAX_RATE_WINDOWS; i++) as(`token-${i}`);
    // "first" was the oldest window: forgotten, so its count starts again
    expect(as("first").headers["X-RateLimit-Remaining"]).toBe("4");
    // the newest ones are still counted
    expect(as(`token-${MAX_RATE_WINDOWS - 1}`).headers["X-RateLimit-Remaining"]).toBe("3");
  });
});
