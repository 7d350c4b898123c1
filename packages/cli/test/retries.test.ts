// --max-retries, --no-retry and --quiet (src/retries.ts): how many times a request is retried, and the
// long waits announced on stderr.
import { describe, expect, it } from "vitest";
import { reply } from "@repo/mock-server/fault-server";
import { run, runAgainst } from "./helpers/widgetco.js";

describe("retries: --max-retries, --no-retry, and long waits announced unless --quiet", () => {
  const unavailable = (retryAfter: string) => reply.json(503, { code: "BUSY", message: "Busy." }, { "retry-after": retryAfter });
  const ok = reply.json(200, { ok: true });

  it("a wait longer than a second is announced on stderr, then the answer printed", async () => {
    const { code, stdout, stderr, requests } = await runAgainst(["ping"], unavailable("1.2"), ok);
    expect(code).toBe(0);
    expect(stdout).toBe('{"ok":true}\n');
    expect(stderr).toBe("ping answered 503; retrying in 1.2 s (Retry-After)… (attempt 2 of 3; --no-retry to give up at once)\n");
    expect(requests).toHaveLength(2);
  });

  it("--quiet waits without a word; a short wait is never announced", async () => {
    expect((await runAgainst(["ping", "--quiet"], unavailable("1.2"), ok)).stderr).toBe("");
    expect((await runAgainst(["ping"], unavailable("0.1"), ok)).stderr).toBe("");
  });

  it("--no-retry gives up at once; --max-retries sets how many retries", async () => {
    const none = await runAgainst(["ping", "--no-retry"], unavailable("0"));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^Error: the API answered 503 BUSY: Busy\./);
    expect(none.requests).toHaveLength(1);
    expect((await runAgainst(["ping", "--max-retries", "1"], unavailable("0"))).requests).toHaveLength(2);
    expect((await runAgainst(["ping", "--max-retries=4"], unavailable("0"))).requests).toHaveLength(5);
  });

  it.each([
    [["ping", "--max-retries", "-1"], /^Error: --max-retries takes a whole number from 0 to 99, got "-1"\./],
    [["ping", "--max-retries", "many"], /^Error: --max-retries takes a whole number/],
    [["ping", "--no-retry", "--max-retries", "2"], /^Error: Use --no-retry or --max-retries, not both\./],
  ])("%j is a usage error before any request", async (argv, message) => {
    const { code, stderr, requests } = await runAgainst(argv, ok);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("help lists the flags", async () => {
    const { stdout } = await run(["--help"]);
    expect(stdout).toMatch(/--max-retries <n> +Retry a request that got 429, 502, 503, 504 or no answer up to n/);
    expect(stdout).toMatch(/--no-retry +Never retry/);
    expect(stdout).toMatch(/--quiet +Do not announce/);
    expect((await run(["ping", "--help"])).stdout).toMatch(/Global flags: .*--max-retries, --no-retry, --quiet/);
  });
});
