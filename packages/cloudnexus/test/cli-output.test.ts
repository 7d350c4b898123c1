// `-o json|yaml|table` and `--query`, the real binary against the stateful mock with fixed fixtures:
// golden tables for a list and an object, YAML that parses back to the JSON, queries in every format
// and with --all, and bold headers only on a terminal without NO_COLOR.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binHarness } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { startMock, type RunningMock } from "../src/mock.js";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;
const cli = binHarness(bin, mkdtempSync(join(tmpdir(), "cloudnexus-output-")));
const instance = (id: string, name: string, status: string, region: string, tags: string[]) => ({
  id, name, status, region, plan: "standard-4", image: "ubuntu-22.04", ipv4: status === "running" ? "203.0.113.10" : null, tags, created_at: "2026-01-02T03:04:05Z",
});
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({
    seed: {
      instances: [
        instance("inst_a1", "web-1", "running", "eu-west-1", ["web", "prod"]),
        instance("inst_b2", "db-1", "stopped", "us-east-1", []),
        instance("inst_c3", "a-very-long-instance-name-that-a-table-cuts-short", "running", "ap-south-1", ["batch"]),
      ],
    },
  });
});
afterAll(() => mock?.stop());
const run = (...args: string[]) => cli.run([...args, "--base-url", mock.url, "--token", "cn_test_output"]);

describe("-o table", () => {
  it("a list: one row per item, the columns the spec chose (x-cli-columns), long cells cut", async () => {
    const result = await run("instances/list", "-o", "table");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        // Instance's x-cli-columns leave out image and created_at; the table says so
        "ID       NAME                                      STATUS   REGION      PLAN        IPV4          TAGS",
        "inst_a1  web-1                                     running  eu-west-1   standard-4  203.0.113.10  web, prod",
        "inst_b2  db-1                                      stopped  us-east-1   standard-4",
        "inst_c3  a-very-long-instance-name-that-a-table-…  running  ap-south-1  standard-4  203.0.113.10  batch",
        "(2 more columns: -o json or --query shows them)",
        "",
      ].join("\n"),
    );
  });

  it("without x-cli-columns: the fields people look for first, cut to the width (120 when piped)", async () => {
    const result = await run("floatingIps/list", "-o", "table");
    expect(result.stdout.split("\n")[0]).toMatch(/^ID +REGION +IP +INSTANCE_ID +DESCRIPTION +CREATED_AT$/);
  });

  it("an object: a key/value view, lists joined", async () => {
    const result = await run("instances/get", "--id", "inst_a1", "-o", "table");
    expect(result.stdout).toBe(
      ["id          inst_a1", "name        web-1", "status      running", "region      eu-west-1", "plan        standard-4", "image       ubuntu-22.04", "ipv4        203.0.113.10", "tags        web, prod", "created_at  2026-01-02T03:04:05Z", ""].join("\n"),
    );
  });

  it("says when the page holds fewer items than the list", async () => {
    const result = await run("instances/list", "--page-size", "2", "-o", "table");
    expect(result.stdout).toMatch(/\(2 of 3: --all shows every one\)\n$/);
  });
});

describe("-o yaml and --query", () => {
  it("YAML parses back to the JSON answer", async () => {
    const [yaml, json] = await Promise.all([run("instances/list", "-o", "yaml"), run("instances/list")]);
    expect(parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });

  it.each([
    [["--query", "instances[].id"], '["inst_a1","inst_b2","inst_c3"]\n'],
    [["--query", "instances[?status=='running'].name", "-o", "yaml"], "- web-1\n- a-very-long-instance-name-that-a-table-cuts-short\n"],
    [["--query", "instances[].{id: id, region: region}", "-o", "table"], "ID       REGION\ninst_a1  eu-west-1\ninst_b2  us-east-1\ninst_c3  ap-south-1\n"],
    [["--all", "--page-size", "1", "--query", "[?status=='stopped'].id"], '["inst_b2"]\n'],
    [["--all", "--page-size", "2", "-o", "table", "--query", "[].{id: id}"], "ID\ninst_a1\ninst_b2\ninst_c3\n"],
  ])("%j", async (args, expected) => {
    const result = await run("instances/list", ...args);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it.each([
    [["-o", "xml"], /--output must be one of: json, yaml, table; got "xml"/],
    [["--query", "instances[?"], /--query is not a JMESPath expression/],
  ])("%j is a usage error before any request", async (args, message) => {
    const before = mock.requests.length;
    const result = await run("instances/list", ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(mock.requests.length).toBe(before);
  });
});

describe("colour", () => {
  /** The command on a pseudo-terminal (util-linux script), spawned so this process's mock can answer. */
  async function onTerminal(env: Record<string, string>): Promise<string> {
    const shell = [bin, "regions/list", "-o", "table", "--base-url", mock.url, "--token", "cn_test_output"].map((p) => `'${p}'`).join(" ");
    const child = spawn("script", ["-qfec", `node ${shell}`, "/dev/null"], { env: { ...process.env, TERM: "xterm-256color", ...env } });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    await new Promise((resolve) => child.once("exit", resolve));
    return out;
  }
  it("bold headers on a terminal, none with NO_COLOR, TERM=dumb or in a pipe", async () => {
    const { NO_COLOR: _, ...env } = process.env;
    const colored = await onTerminal({ ...(env as Record<string, string>), TERM: "xterm-256color" });
    expect(colored).toContain("\u001b[1mSLUG\u001b[22m");
    expect(colored).toContain("AVAILABLE"); // a terminal that reports no size gets 120 columns
    expect(await onTerminal({ NO_COLOR: "1" })).not.toContain("\u001b[");
    expect(await onTerminal({ ...(env as Record<string, string>), TERM: "dumb" })).not.toContain("\u001b[");
    expect((await run("regions/list", "-o", "table")).stdout).not.toContain("\u001b[");
  });
});
