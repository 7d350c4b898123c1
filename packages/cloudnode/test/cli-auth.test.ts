// The seed's CLI flow: `cloudnode login --token <YOUR_TOKEN>` then `cloudnode auth/check`, against the
// Prism mock. The token is stored owner-only and never printed, not even with --verbose.
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binHarness } from "@repo/testkit/bin-harness";
import { afterAll, describe, expect, inject, it } from "vitest";

const bin = new URL("../bin/cloudnode.js", import.meta.url).pathname;
const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const token = "token_cliAuthSecret5Mn2Zr8";
const cli = binHarness(bin, mkdtempSync(join(tmpdir(), "cloudnode-cli-")));
const file = join(cli.configHome, "cloudnode", "config.json");
const mode = (path: string) => statSync(path).mode & 0o777;

afterAll(() => {
  expect(cli.transcript()).not.toContain(token);
});

describe("cloudnode login, auth/check, logout", () => {
  it("login --token checks it with auth/check and stores it with mode 0600 (directory 0700)", async () => {
    const login = await cli.run(["login", "--token", token, "--base-url", inject("mockUrl"), "--verbose"]);
    expect(login.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).token).toBe(token);
    expect(mode(file)).toBe(0o600);
    expect(mode(join(cli.configHome, "cloudnode"))).toBe(0o700);
  });

  it("auth/check then succeeds with the stored token", async () => {
    const check = await cli.run(["auth/check", "--base-url", inject("mockUrl"), "--verbose"]);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toHaveProperty("authenticated", true);
    expect(check.stderr).toContain("GET");
  });

  it("logout forgets it, and auth/check answers the API's err_unauthorised (exit 1)", async () => {
    expect((await cli.run(["logout"])).code).toBe(0);
    expect(existsSync(file)).toBe(false);
    const { code, title, message } = spec.components.examples.ErrorUnauthorised.value;
    const check = await cli.run(["auth/check", "--base-url", inject("mockUrl")]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`401 ${code}: ${title}: ${message}`);
    expect(check.stderr).not.toMatch(/^\s+at /m);
  });

  it("--session authenticates with the session cookie instead, masked like the token", async () => {
    const session = "sess_cliSecret8Hh3Jk";
    const check = await cli.run(["auth/check", "--session", session, "--include", "--verbose", "--base-url", inject("mockUrl")]);
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/^sl-violations:/m);
    expect(`${check.stdout}${check.stderr}`).not.toContain(session);
  });

  it("the token in an error path with --verbose and --include is masked too", async () => {
    const result = await cli.run(["account/identity", "--prefer", "code=404", "--include", "--verbose", "--token", token, "--base-url", inject("mockUrl")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("[redacted]");
  });
});
