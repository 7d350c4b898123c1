// Exit codes of the `cloudnexus` bin: 2 for a usage mistake (before any request, with a "did you mean"
// where one is close), 1 for an API or connection error (the API's code, message and request id),
// never a stack trace unless --verbose, and never the token.
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@repo/mock-server";
import { binHarness } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;
const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;
/** Follows `#/…` refs of the bundle. */
const deref = (node: { $ref?: string }): any =>
  node.$ref ? deref(node.$ref.slice(2).split("/").reduce((obj: any, key) => obj[key], spec)) : node;
/** The example Prism serves first for a response of an operation. */
const firstExample = (path: string, method: string, status: string) => {
  const examples = deref(spec.paths[path][method].responses[status]).content["application/json"].examples;
  return deref(Object.values(examples)[0] as { $ref?: string }).value;
};
const token = "cn_test_cliErrorsSecret3Vb8Lp";
const cli = binHarness(bin, mkdtempSync(join(tmpdir(), "cloudnexus-cli-")));
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** A server that must never be called: usage errors happen before any request. */
let requests = 0;
let server: Server;
let serverUrl = "";
beforeAll(async () => {
  server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  expect(cli.transcript()).not.toContain(token);
});

describe("usage errors exit 2 before any request", () => {
  const file = join(tmpdir(), "cloudnexus-cli-missing-file.json");
  it.each([
    ["an unknown command", ["instances/lst"], /Unknown command "instances\/lst"\. Did you mean instances\/list\b/],
    ["an unknown flag", ["instances/list", "--stats", "running"], /Unknown flag --stats\. Did you mean --status\b/],
    ["a value that is not an integer", ["instances/list", "--page-size", "ten"], /--page-size expects an integer, got "ten"/],
    ["a value outside the enum", ["instances/list", "--status", "runing"], /--status must be one of: .*running.*\. Did you mean running\?/],
    ["a number above the maximum", ["instances/list", "--page-size", "1000"], /--page-size must be <= 100/],
    ["a boolean given a value", ["regions/list", "--available=maybe"], /--available is a switch/],
    ["a missing required flag", ["instances/create", "--name", "web-1", "--plan", "standard-4", "--region", "eu-west-1"], /Missing required flag --image\./],
    ["an array item that breaks its pattern", ["instances/create", "--name", "w", "--plan", "standard-4", "--region", "eu-west-1", "--image", "u", "--ssh-keys", "nope"], /--ssh-keys \(at 0\) must match pattern/],
    ["a flag without its value", ["instances/list", "--status"], /--status needs a value/],
    ["a stray argument", ["me", "extra"], /Unexpected argument "extra"/],
    ["--data that is not JSON", ["instances/create", "--data", "{name:"], /--data is not valid JSON/],
    ["--data from a missing file", ["instances/create", "--data", `@${file}`], /--data @.* cannot read the file \(ENOENT\)/],
    ["--data for an operation without a body", ["me", "--data", "{}"], /me takes no request body/],
    ["--data with an unknown field", ["sshKeys/create", "--data", '{"name":"a","public_key":"ssh-ed25519 AAAA","nmae":1}'], /has an unknown field "nmae"\. Did you mean name\?/],
    ["--all on a list that is not paginated", ["me", "--all"], /--all follows pagination, and me is not paginated/],
    ["a group instead of a command", ["instances"], /instances is a group of commands; choose one:[\s\S]*instances\/list/],
    ["--session on an API without a session cookie", ["me", "--session", "s"], /has no session cookie: authenticate with --token/],
    ["a bad --prefer", ["me", "--prefer", "code=abc"], /--prefer takes code=<status>/],
  ])("%s", async (_name, args, message) => {
    const before = requests;
    const result = await cli.run([...args, "--base-url", serverUrl, "--token", token]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe("");
    expect(requests).toBe(before);
  });

  it("no command at all prints the usage to stderr", async () => {
    const result = await cli.run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: cloudnexus <command> [flags]");
  });
});

describe("API errors exit 1 with the API's code, message and request id", () => {
  it("401 without a token", async () => {
    const { error } = example("ErrorUnauthorized");
    const result = await cli.run(["me", "--base-url", inject("mockUrl")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(error.code);
    expect(result.stderr).toContain(error.message);
    expect(result.stderr).toContain(error.request_id);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe("");
  });

  it("404 (a mock scenario chosen with --prefer), with the headers on stdout when --include is given", async () => {
    const { error } = example("ErrorNotFound");
    const result = await cli.run(["instances/get", "--id", "inst_29f8b3a1", "--prefer", "code=404", "--include", "--base-url", inject("mockUrl"), "--token", token]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^HTTP\/1\.1 404 /);
    expect(result.stderr).toContain(`${error.code}: ${error.message}`);
    expect(result.stderr).toContain(error.request_id);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it("400 with the per-field details", async () => {
    const { error } = firstExample("/instances", "post", "400");
    expect(error.details.length).toBeGreaterThan(0);
    const args = ["instances/create", "--name", "web-1", "--plan", "standard-4", "--region", "eu-west-2", "--image", "ubuntu-22.04"];
    const result = await cli.run([...args, "--prefer", "code=400", "--base-url", inject("mockUrl"), "--token", token]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(error.code);
    for (const detail of error.details) expect(result.stderr).toContain(`${detail.field}: ${detail.reason}`);
  });

  it("--no-retry: a 429 asking for 30 s exits 1 at once, saying when to try again", async () => {
    const started = Date.now();
    const result = await cli.run(["instances/list", "--prefer", "code=429", "--no-retry", "--base-url", inject("mockUrl"), "--token", token]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: the API answered 429 RATE_LIMITED: .* \(retry after 30 s\)/);
    expect(result.stderr).not.toContain("retrying in");
  });

  it("a connection failure names the URL", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const result = await cli.run(["me", "--base-url", closed, "--token", token]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not reach ${closed}/me`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it("--verbose adds the request log (token masked) and the stack trace", async () => {
    const result = await cli.run(["instances/get", "--id", "inst_29f8b3a1", "--prefer", "code=404", "--verbose", "--base-url", inject("mockUrl"), "--token", token]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/instances\/inst_29f8b3a1/);
    expect(result.stderr).toMatch(/"Authorization":"\[redacted\]"/);
    expect(result.stderr).toMatch(STACK_LINE);
  });
});
