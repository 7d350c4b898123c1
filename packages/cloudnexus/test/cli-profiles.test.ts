// Profiles through the real binary: `login --profile` stores a second account (and its server),
// `--profile` / $CLOUDNEXUS_PROFILE pick it, `profiles` lists them without tokens, `logout --profile`
// forgets one; precedence flag > environment > profile > default login; an unknown profile is exit 2.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binHarness } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../src/mock.js";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), "cloudnexus-profiles-"));
const cli = binHarness(bin, home);
const config = join(home, "cloudnexus", "config.json");
const tokens = { personal: "cn_test_personalProfile1", work: "cn_test_workProfile22", staging: "cn_test_stagingProfile3" };
let main: RunningMock;
let staging: RunningMock;
beforeAll(async () => {
  [main, staging] = await Promise.all([startMock({ tokens: [tokens.personal, tokens.work] }), startMock({ tokens: [tokens.staging] })]);
});
afterAll(() => Promise.all([main?.stop(), staging?.stop()]));

describe("profiles", () => {
  it("login stores the default account and named ones, owner-only", async () => {
    expect((await cli.run(["login", "--token", tokens.personal, "--base-url", main.url])).code).toBe(0);
    expect((await cli.run(["login", "--profile", "work", "--token", tokens.work, "--base-url", main.url])).code).toBe(0);
    const staged = await cli.run(["login", "--profile", "staging", "--token", tokens.staging, "--base-url", staging.url]);
    expect(staged.stderr).toContain('Logged in as profile "staging"');
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, "cloudnexus")).mode & 0o777).toBe(0o700);
    expect(Object.keys(JSON.parse(readFileSync(config, "utf8")).profiles)).toEqual(["work", "staging"]);
  });

  it("profiles lists every login with its server, the active one marked, no token", async () => {
    const listed = await cli.run(["profiles"]);
    expect(listed.stdout).toBe(`* default  ${main.url}  token stored\n  work     ${main.url}  token stored\n  staging  ${staging.url}  token stored\n`);
    expect((await cli.run(["profiles"], { env: { CLOUDNEXUS_PROFILE: "work" } })).stdout).toMatch(/^\* work/m);
    expect(cli.transcript()).not.toMatch(/ProfileA?\d|cn_test_/);
  });

  it("a profile sends its own token to its own server", async () => {
    const before = staging.requests.length;
    expect((await cli.run(["me", "--profile", "staging"])).code).toBe(0);
    expect(staging.requests.length).toBe(before + 1);
    expect((await cli.run(["me", "--profile", "work"])).code).toBe(0);
  });

  it("precedence: flag > environment > profile > default login", async () => {
    // the staging server knows only the staging token: which token arrived shows in the exit code
    const at = ["--base-url", staging.url];
    expect((await cli.run(["me", ...at])).code).toBe(1); // default login's token: refused
    expect((await cli.run(["me", ...at, "--profile", "staging"])).code).toBe(0);
    expect((await cli.run(["me", ...at], { env: { CLOUDNEXUS_PROFILE: "staging" } })).code).toBe(0);
    expect((await cli.run(["me", ...at, "--profile", "staging"], { env: { CLOUDNEXUS_TOKEN: tokens.work } })).code).toBe(1); // env beats profile
    expect((await cli.run(["me", ...at, "--token", tokens.staging], { env: { CLOUDNEXUS_TOKEN: tokens.work } })).code).toBe(0); // flag beats env
    // --base-url beats the profile's server: the default login against the staging mock was refused above
  });

  it("an unknown profile is a usage error naming the known ones", async () => {
    const result = await cli.run(["me", "--profile", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--profile names no profile "nope"; the profiles are: work, staging\./);
    const fromEnv = await cli.run(["me"], { env: { CLOUDNEXUS_PROFILE: "nope" } });
    expect(fromEnv.stderr).toMatch(/\$CLOUDNEXUS_PROFILE names no profile "nope"/);
  });

  it("logout --profile forgets that profile only", async () => {
    expect((await cli.run(["logout", "--profile", "work"])).stderr).toContain('removed profile "work"');
    expect((await cli.run(["profiles"])).stdout).not.toContain("work");
    expect((await cli.run(["me", "--profile", "staging"])).code).toBe(0);
  });
});
