// Where requests go and with which credentials (src/session.ts): tokens, sessions, header values and base
// URLs that cannot be sent are usage errors (exit 2), never echoed.
import { describe, expect, it } from "vitest";
import { reply } from "@repo/mock-server/fault-server";
import { run, runAgainst } from "./helpers/widgetco.js";

describe("credentials and URLs that cannot be sent are usage errors (exit 2), never echoed", () => {
  it.each([
    ["--token with a line break", ["ping", "--token", "tok-SECRET-1\nX-Evil: 1"], /^Error: --token has a control character .*its value is not shown\)\.\n/],
    ["--token with a trailing space", ["ping", "--token", "tok-SECRET-1 "], /^Error: --token has .*whitespace at an end/],
    ["--session with a line break", ["ping", "--token", "t", "--session", "sess-SECRET-1\r\n"], /^Error: The session has a control character/],
    ["a header flag with a line break", ["widgets/update", "--id", "w1", "--name", "a", "--x-trace-id", "t\r\nX-SECRET: 1"], /^Error: --x-trace-id has a control character/],
  ])("%s", async (_name, argv, message) => {
    const { code, stderr, requests } = await runAgainst(argv, reply.json(200, { ok: true }));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/SECRET|X-Evil/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(requests).toHaveLength(0);
  });

  it("the token from the environment is named as such", async () => {
    const { code, stderr, calls } = await run(["ping"], { env: { WIDGETCO_TOKEN: "env-SECRET-1\n" } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Error: \$WIDGETCO_TOKEN has a control character/);
    expect(stderr).not.toContain("SECRET");
    expect(calls).toEqual([]);
  });

  it("--base-url with user:password@ is refused without repeating the password", async () => {
    const { code, stderr, calls } = await run(["ping", "--base-url", "https://me:pw-SECRET-1@api.widget.test"]);
    expect(code).toBe(2);
    expect(stderr).toBe('Error: --base-url must not contain user:password@ (pass the credential as the token), got "https://api.widget.test".\n');
    expect(calls).toEqual([]);
  });
});
