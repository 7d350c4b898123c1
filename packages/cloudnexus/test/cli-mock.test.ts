// `cloudnexus mock`: the installed bin serves the package's own spec until Ctrl-C, logs each request
// with its operationId, and exits 0 when interrupted.
import { spawn } from "node:child_process";
import { freePort } from "@repo/mock-server";
import { baseEnv } from "@repo/testkit/bin-harness";
import { describe, expect, it } from "vitest";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;

describe("cloudnexus mock", () => {
  it("serves the shipped spec on the given port, logs requests, and stops on SIGINT", async () => {
    const port = await freePort();
    const child = spawn(bin, ["mock", "--port", String(port)], { env: baseEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
    try {
      await expect.poll(() => stdout, { timeout: 30_000, interval: 100 }).toContain(`listening on http://127.0.0.1:${port}`);
      const response = await fetch(`http://127.0.0.1:${port}/me`, { headers: { Authorization: "Bearer cn_test_mockCmd" } });
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveProperty("id");
      await expect.poll(() => stdout, { timeout: 5_000 }).toMatch(/GET\s+\/me → 200 me\b/);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/me`)).rejects.toThrow();
  });

  it("rejects a bad --port as a usage error (exit 2)", async () => {
    const child = spawn(bin, ["mock", "--port", "99999"], { env: baseEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port must be .*65535/);
  });

  it("--faults 1 --fault-kinds 503 --latency 5: every answer a 503 with Retry-After, logged as a fault", async () => {
    const port = await freePort();
    const child = spawn(bin, ["mock", "--port", String(port), "--faults", "1", "--fault-kinds", "503", "--latency", "5"], { env: baseEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
    try {
      await expect.poll(() => stdout, { timeout: 30_000, interval: 100 }).toContain(`listening on http://127.0.0.1:${port}`);
      const response = await fetch(`http://127.0.0.1:${port}/me`, { headers: { Authorization: "Bearer cn_test_mockCmd" } });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      await expect.poll(() => stdout, { timeout: 5_000 }).toMatch(/GET\s+\/me → 503 me \(fault, \+5 ms\)/);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
  });

  it("rejects a bad --faults as a usage error in one line (exit 2)", async () => {
    const child = spawn(bin, ["mock", "--faults", "2"], { env: baseEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Error: --faults must be a share of calls from 0 to 1 \(e\.g\. 0\.1\), got "2"\.\n/);
    expect(stderr).not.toMatch(/ at /);
  });
});
