import { describe, expect, it } from "vitest";
import { canRetryMethod, parseRetryAfter, retryDelay } from "../src/retry.js";

const now = Date.parse("2026-01-01T00:00:00Z");

describe("Retry-After", () => {
  it.each([
    ["seconds", "3", 3000],
    ["fractional seconds", "0.5", 500],
    ["an HTTP date", "Thu, 01 Jan 2026 00:00:04 GMT", 4000],
    ["a date in the past", "Wed, 31 Dec 2025 23:59:00 GMT", 0],
    ["garbage", "soon", undefined],
    ["a negative number (Date.parse would read a year)", "-5", undefined],
    ["a bare year", "2030", 2030_000],
    ["a number with a unit", "5s", undefined],
    ["a date without its day name", "01 Jan 2026 00:00:04 GMT", undefined],
    ["nothing", null, undefined],
  ] as const)("reads %s", (_name, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it("is honoured as the delay", () => {
    expect(retryDelay(0, parseRetryAfter("2", now))).toBe(2000);
    expect(retryDelay(3, parseRetryAfter("Thu, 01 Jan 2026 00:00:01 GMT", now))).toBe(1000);
  });

  it("an invalid one counts as absent: normal backoff, never 0 ms", () => {
    for (const header of ["-5", "soon", ""]) {
      const delay = retryDelay(0, parseRetryAfter(header, now));
      expect(delay).toBeGreaterThanOrEqual(375);
      expect(delay).toBeLessThanOrEqual(500);
    }
  });
});

describe("backoff", () => {
  it("doubles per retry with up to 25% jitter, capped at 8 s", () => {
    for (const [retry, full] of [[0, 500], [1, 1000], [2, 2000], [6, 8000], [10, 8000]] as const) {
      for (let i = 0; i < 50; i++) {
        const delay = retryDelay(retry);
        expect(delay).toBeGreaterThanOrEqual(full * 0.75);
        expect(delay).toBeLessThanOrEqual(full);
      }
    }
  });

  it("varies (jitter)", () => {
    expect(new Set(Array.from({ length: 20 }, () => retryDelay(2))).size).toBeGreaterThan(1);
  });
});

describe("which methods may be retried", () => {
  it.each([
    ["GET", false, true],
    ["PUT", false, true],
    ["DELETE", false, true],
    ["POST", false, false],
    ["PATCH", false, false],
    ["POST", true, true],
    ["PATCH", true, true],
  ] as const)("%s (idempotency key: %s) → %s", (method, key, expected) => {
    expect(canRetryMethod(method, key)).toBe(expected);
  });
});
