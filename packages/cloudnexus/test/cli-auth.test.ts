// Credentials of the `cloudnexus` bin: `login` checks the token with `me` and stores it owner-only;
// `logout` forgets it; --token and CLOUDNEXUS_TOKEN override it; it is never printed.
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binHarness } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;
const tokens = { stored: "cn_test_storedSecret1Aa9", env: "cn_test_envSecret2Bb8", flag: "cn_test_flagSecret3Cc7" };
const mode = (path: string) => statSync(path).mode & 0o777;

describe("login and logout against the Prism mock", () => {
  const cli = binHarness(bin, mkdtempSync(join(tmpdir(), "cloudnexus-cli-")));
  const file = join(cli.configHome, "cloudnexus", "config.json");
  afterAll(() => {
    for (const token of Object.values(tokens)) expect(cli.transcript()).not.toContain(token);
  });

  it("login --token checks the token, stores it with mode 0600 in a 0700 directory; `me` then works without a token", async () => {
    const login = await cli.run(["login", "--token", tokens.stored, "--base-url", inject("mockUrl")]);
    expect(login.code).toBe(0);
    expect(login.stderr).toContain(`stored in ${file}`);
    expect(JSON.parse(readFileSync(file, "utf8")).token).toBe(tokens.stored);
    expect(mode(file)).toBe(0o600);
    expect(mode(join(cli.configHome, "cloudnexus"))).toBe(0o700);

    const me = await cli.run(["me", "--base-url", inject("mockUrl"), "--verbose"]);
    expect(me.code).toBe(0);
    expect(JSON.parse(me.stdout)).toHaveProperty("id");
  });

  it("logout removes the token, and the API then answers 401", async () => {
    const logout = await cli.run(["logout"]);
    expect(logout.code).toBe(0);
    expect(existsSync(file)).toBe(false);
    const me = await cli.run(["me", "--base-url", inject("mockUrl")]);
    expect(me.code).toBe(1);
    expect(me.stderr).toContain("401");
  });

  it("login reads the token from stdin when --token is not given", async () => {
    const login = await cli.run(["login", "--base-url", inject("mockUrl")], { input: `${tokens.stored}\n` });
    expect(login.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).token).toBe(tokens.stored);
    await cli.run(["logout"]);
  });

  it("a token the API rejects is not stored (exit 1)", async () => {
    const login = await cli.run(["login", "--token", tokens.flag, "--prefer", "code=401", "--base-url", inject("mockUrl")]);
    expect(login.code).toBe(1);
    expect(login.stderr).toContain("Nothing was stored");
    expect(existsSync(file)).toBe(false);
  });

  it("login without any token is a usage error (exit 2)", async () => {
    const login = await cli.run(["login", "--base-url", inject("mockUrl")]);
    expect(login.code).toBe(2);
    expect(login.stderr).toContain("login needs a token");
  });
});

describe("which token is sent (a local server records the Authorization header; Prism does not echo it)", () => {
  const cli = binHarness(bin, mkdtempSync(join(tmpdir(), "cloudnexus-cli-")));
  const seen: Array<string | undefined> = [];
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await cli.run(["login", "--token", tokens.stored, "--base-url", url])).code).toBe(0);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    for (const token of Object.values(tokens)) expect(cli.transcript()).not.toContain(token);
  });

  it.each([
    ["the stored token by default", [], {}, tokens.stored],
    ["CLOUDNEXUS_TOKEN over the stored one", [], { CLOUDNEXUS_TOKEN: tokens.env }, tokens.env],
    ["--token over both", ["--token", tokens.flag], { CLOUDNEXUS_TOKEN: tokens.env }, tokens.flag],
  ])("%s", async (_name, args, env, expected) => {
    const result = await cli.run(["me", "--base-url", url, "--verbose", ...args], { env });
    expect(result.code).toBe(0);
    expect(seen.at(-1)).toBe(`Bearer ${expected}`);
  });

  it("CLOUDNEXUS_BASE_URL points the CLI at another server", async () => {
    const before = seen.length;
    const result = await cli.run(["me"], { env: { CLOUDNEXUS_BASE_URL: url } });
    expect(result.code).toBe(0);
    expect(seen.length).toBe(before + 1);
  });
});
