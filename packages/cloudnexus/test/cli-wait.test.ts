// `cloudnexus … --wait`, the real binary against the stateful mock: the final JSON alone on stdout when
// piped, a progress spinner on a terminal, and exit 0 done / 1 failed / 124 timed out / 130 on Ctrl-C.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { binHarness } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../src/mock.js";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;
const cli = binHarness(bin, mkdtempSync(join(tmpdir(), "cloudnexus-wait-")));
const id = "inst_29f8b3a1";
let mock: RunningMock;
let slow: RunningMock;
beforeAll(async () => {
  [mock, slow] = await Promise.all([startMock({ actionDuration: 300, failActions: ["rebuild"] }), startMock({ actionDuration: 60_000 })]);
});
afterAll(() => Promise.all([mock?.stop(), slow?.stop()]));
const at = (server: RunningMock) => ["--base-url", server.url, "--token", "cn_test_wait"];

describe("--wait", () => {
  it("piped: stdout holds only the completed action, stderr nothing", async () => {
    const result = await cli.run(["instances/reboot", "--id", id, "--wait", ...at(mock)]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: "reboot", status: "completed", resource: { id } });
    expect(result.stderr).toBe("");
  });

  /** The command run on a pseudo-terminal (util-linux script); spawned, not execFileSync: the mock answers from this process. */
  async function onTerminal(args: string[]): Promise<string> {
    const shell = [bin, ...args].map((part) => `'${part}'`).join(" ");
    const child = spawn("script", ["-qfec", `node ${shell}`, "/dev/null"], { env: { ...process.env, NO_COLOR: "1" } });
    let raw = "";
    child.stdout.on("data", (chunk) => (raw += chunk));
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
    return stripVTControlCharacters(raw);
  }
  const create = ["instances/create", "--name", "w1", "--plan", "standard-4", "--region", "eu-west-1", "--image", "ubuntu-22.04", "--wait"];

  it("on a terminal: a spinner on stderr names what it waits for, then the running instance", async () => {
    const out = await onTerminal([...create, ...at(mock)]);
    expect(out).toMatch(/instance inst_[a-z0-9]+: pending \(\d+ s\)/);
    expect(out).toMatch(/✔ instance inst_[a-z0-9]+: running \(\d+ s\)/);
    expect(out).toMatch(/"status": "running"/);
  });

  it("on a terminal with --quiet: no spinner, only the JSON", async () => {
    const out = await onTerminal([...create, "--quiet", ...at(mock)]);
    expect(out).not.toMatch(/instance inst_[a-z0-9]+: pending/);
    expect(out.trim().startsWith("{")).toBe(true);
    expect(out).toMatch(/"status": "running"/);
  });

  it("a failed action exits 1 with its code and message on stderr", async () => {
    const result = await cli.run(["instances/rebuild", "--id", id, "--image", "debian-12", "--wait", ...at(mock)]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: "rebuild", status: "errored", error: { code: "ACTION_FAILED" } });
    expect(result.stderr).toMatch(/✖ The action act_[a-z0-9]+ \(rebuild\) failed: ACTION_FAILED: /);
  });

  it("--wait-timeout exits 124 and says how to follow the action", async () => {
    const result = await cli.run(["instances/stop", "--id", id, "--wait-timeout", "0.5", ...at(slow)]);
    expect(result.code).toBe(124);
    expect(result.stderr).toMatch(/still in_progress\. It goes on; follow it with `cloudnexus actions\/get --id act_[a-z0-9]+`/);
  });

  it("Ctrl-C stops waiting with 130, the work goes on", async () => {
    const seen = slow.requests.length;
    const child = spawn(process.execPath, [bin, "instances/start", "--id", id, "--wait", ...at(slow)], { env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // Ctrl-C once the CLI is waiting: its first poll of the action has reached the mock
    const polled = () => slow.requests.slice(seen).some((exchange) => exchange.operationId === "actions.get");
    while (!polled()) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGINT");
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Stopped waiting; the action goes on\. Follow it with `cloudnexus actions\/get --id act_[a-z0-9]+`/);
  });

  it("is a usage error on a command that starts no work", async () => {
    const result = await cli.run(["me", "--wait", ...at(mock)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--wait waits for long-running work, and me starts none/);
  });
});
