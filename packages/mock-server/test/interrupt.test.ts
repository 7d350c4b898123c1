// No Prism outlives the process that started it, however that process ends.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { startMock } from "../src/repo-mocks.js";

const fixture = fileURLToPath(new URL("./fixtures/hold-mock.ts", import.meta.url));
const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** Alive and not a zombie (an orphan whose exit nobody has collected yet is gone for our purpose). */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !isRunning(pid);
}

/** Starts the fixture, waits until its mock answers, and returns the child and Prism's pid and URL. */
async function startHolder(...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, ...args], { cwd: packageDir, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  onTestFinished(() => void (child.exitCode === null && child.kill("SIGKILL"))); // even when an assertion fails
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0] ?? "");
    });
    child.once("exit", (code) => reject(new Error(`holder exited (${code}) before its mock started`)));
  });
  const { pid, url } = JSON.parse(line) as { pid: number; url: string };
  return { child, exited, pid, url };
}

describe("Prism never outlives its test run", () => {
  it.each(["SIGINT", "SIGTERM", "SIGKILL"] as const)("when the run is killed with %s", async (signal) => {
    const { child, exited, pid, url } = await startHolder();
    expect(isRunning(pid)).toBe(true);
    expect((await fetch(`${url}/me`)).status).toBe(401); // Prism answers (no token → 401)
    child.kill(signal);
    await exited;
    expect(await waitUntilGone(pid)).toBe(true);
    await expect(fetch(url)).rejects.toThrow();
  });

  it("when the run calls process.exit() without stop()", async () => {
    const { exited, pid } = await startHolder("exit");
    await exited;
    expect(await waitUntilGone(pid)).toBe(true);
  });

  it("after stop(), and a second stop() is harmless", async () => {
    const mock = await startMock("cloudnexus", { mode: "static" }); // the Prism child process is what must not outlive the run
    expect(isRunning(mock.pid)).toBe(true);
    await mock.stop();
    expect(isRunning(mock.pid)).toBe(false);
    await mock.stop();
  });
});
