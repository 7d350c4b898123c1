// Latency and faults in the HTTP host (startMock, `pnpm mock`, `<api> mock`): the same simulator as in
// process, so a dropped connection is a dropped socket, a held answer is an open one, a 503 carries
// Retry-After, each is logged and recorded, and the flags refuse bad values in one line.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { serveMock } from "../src/index.js";
import { bundledSpec, startMock } from "../src/repo-mocks.js";

const token = { Authorization: "Bearer faults-test" };
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const probePath = "/instances";

describe("faults and latency over HTTP", () => {
  it("startMock({ faults }) drops the socket, holds an answer, answers 503 with Retry-After; mock.requests records each", async () => {
    const mock = await startMock("cloudnexus", { faults: { next: 1, kinds: ["reset"] } });
    onTestFinished(() => mock.stop());
    await expect(fetch(`${mock.url}${probePath}`, { headers: token })).rejects.toThrow(/fetch failed/);
    mock.inject({ next: 1, kinds: [503], retryAfter: 2 });
    const unavailable = await fetch(`${mock.url}${probePath}`, { headers: token });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("2");
    mock.inject({ next: 1, kinds: ["timeout"] });
    const held = await fetch(`${mock.url}${probePath}`, { headers: token, signal: AbortSignal.timeout(200) }).catch((error: Error) => error);
    expect((held as Error).name).toBe("TimeoutError");
    expect((await fetch(`${mock.url}${probePath}`, { headers: token })).status).toBe(200);
    await expect.poll(() => mock.requests.length).toBe(4);
    expect(mock.requests.map((request) => [request.status, (request as { fault?: unknown }).fault])).toEqual([
      [0, "reset"],
      [503, 503],
      [200, "timeout"],
      [200, undefined],
    ]);
  });

  it("serveMock's chaos flags: every answer a fault, logged as one; latency on the line", async () => {
    const lines: string[] = [];
    const mock = await serveMock({ specFile: bundledSpec("cloudnexus"), model: bundledSpec("cloudnexus").replace(/openapi\.json$/, "model.json"), color: false, log: (line) => lines.push(line), chaos: { faults: "1", faultKinds: "429", latency: "5" } });
    onTestFinished(() => mock.stop());
    const response = await fetch(`${mock.url}${probePath}`, { headers: token });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    await expect.poll(() => lines).toContain(`  GET    ${probePath} → 429 instances.list (fault, +5 ms)`);
  });

  it.each([
    [["--faults", "2"], '✖ --faults must be a share of calls from 0 to 1 (e.g. 0.1), got "2".'],
    [["--faults", "0.1", "--fault-kinds", "flood"], '✖ Unknown fault kind "flood"; use one of reset, timeout, 500, 503, 429.'],
    [["--latency", "soon"], '✖ --latency must be ms ("200") or a range ("50-200"), got "soon".'],
    [["--static", "--latency", "5"], "✖ --latency and --faults need the stateful mock: leave out --static and --dynamic."],
  ])("pnpm mock %j is refused in one line, exit 2", async (flags, message) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/serve-cli.ts", "cloudnexus", ...flags], { cwd: packageDir, env: { ...process.env, MOCK_PORT: "0" } });
    onTestFinished(() => void (child.exitCode === null && child.kill("SIGKILL")));
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(2);
    expect(stderr.trim()).toBe(message);
  });
});
