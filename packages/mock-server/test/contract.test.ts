// `pnpm contract <api> --target <url>` against a server that breaks the spec on purpose. The server
// answers from a real Prism mock (so everything else about it follows the spec) and spoils exactly
// one thing per route: a wrong type, a missing required field, an undocumented status.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { startMock, type RunningMock } from "../src/repo-mocks.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
/** Runs scripts/contract.mjs the way `pnpm contract` does (through tsx), in one process. */
const contractArgs = (...args: string[]) => ["--import", "tsx", script, ...args];
const script = fileURLToPath(new URL("../src/contract-cli.ts", import.meta.url));
const token = { Authorization: "Bearer contract-test" };

type Spoil = (body: Record<string, unknown>) => { status?: number; body: unknown };
/** What the bad server does to the mock's answer, per path. */
const spoilers: Record<string, Spoil> = {
  "/me": (body) => ({ body: { ...body, id: 42 } }), // wrong type: the spec says string
  "/instances": ({ meta: _dropped, ...rest }) => ({ body: rest }), // missing required field
  "/regions": (body) => ({ status: 418, body }), // a status the spec does not list
};

function startBadServer(mockUrl: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const answer = await fetch(mockUrl + request.url, { headers: token });
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => name !== "content-length" && name !== "sl-violations"));
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const spoil: Spoil = spoilers[path] ?? ((body) => ({ body }));
    const { status = answer.status, body } = spoil((await answer.json()) as Record<string, unknown>);
    response.writeHead(status, headers).end(JSON.stringify(body));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Runs the contract script with `traffic` (paths to GET) as its command; returns exit code and output. */
function runContract(target: string, paths: string[]) {
  const traffic = `for (const p of ${JSON.stringify(paths)}) await fetch(process.env.CLOUDNEXUS_BASE_URL + p, { headers: ${JSON.stringify(token)} });`;
  const child = spawn(process.execPath, contractArgs("cloudnexus", "--target", target, "--", process.execPath, "--input-type=module", "-e", traffic), {
    cwd: packageDir,
    env: { ...process.env, NO_COLOR: "1" },
  });
  onTestFinished(() => void (child.exitCode === null && child.kill("SIGKILL")));
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("pnpm contract", () => {
  let mock: RunningMock;
  let bad: Server;
  let badUrl: string;

  beforeAll(async () => {
    mock = await startMock("cloudnexus");
    bad = await startBadServer(mock.url);
    badUrl = `http://127.0.0.1:${(bad.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    bad?.close();
    await mock?.stop();
  });

  it("reports each way the server breaks the spec and exits 1", async () => {
    const { code, output } = await runContract(badUrl, ["/me", "/instances", "/regions", "/instances?status=bogus"]);
    expect(code).toBe(1);
    expect(output).toMatch(/✖ GET +\/me → 500 me — 1 spec violation:\n +✖ response body\.id: .*must be string/);
    expect(output).toMatch(/✖ GET +\/instances → 500 instances\.list — 1 spec violation:\n +✖ response body: .*required property 'meta'/);
    expect(output).toMatch(/✖ GET +\/regions → 418 regions\.list — 1 spec violation:\n +✖ response: Unable to match the returned status code .*\(warning\)/);
    // a request that breaks the spec is reported too, and never reaches the server
    expect(output).toMatch(/✖ GET +\/instances\?status=bogus → 422 instances\.list — 1 spec violation \(not forwarded\):\n +✖ request query\.status:/);
    expect(output).toMatch(/✖ 4 of 4 exchange\(s\) violate the spec: me, instances\.list, regions\.list\./);
  });

  it("passes (exit 0) when every exchange follows the spec", async () => {
    const { code, output } = await runContract(mock.url, ["/me", "/instances", "/regions"]);
    expect(output).toContain("✔ 3 exchange(s) checked, all follow the spec.");
    expect(code).toBe(0);
  });

  it.each([
    [["cloudnexus"], /--target must be the base URL of the server to check/],
    [["cloudnexus", "--target", "ftp://x"], /--target must be the base URL/],
    [["nope", "--target", "http://127.0.0.1:1"], /Unknown API "nope"/],
  ])("refuses %j with a usage error (exit 2, no stack trace)", async (args, message) => {
    const child = spawn(process.execPath, contractArgs(...args), { cwd: packageDir });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
