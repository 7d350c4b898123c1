// `pnpm mock`: one log line per request, violations loud, --strict rejects requests that break the spec.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { listApis } from "@repo/model/build";
import { freePort, serveMock, type ServedMock } from "../src/index.js";
import { bundledSpec } from "../src/repo-mocks.js";

const token = { Authorization: "Bearer serve-test" };
const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe.each([false, true])("serveMock (strict: %s)", (strict) => {
  const lines: string[] = [];
  let mock: ServedMock;
  beforeAll(async () => {
    mock = await serveMock({ specFile: bundledSpec("cloudnexus"), strict, color: false, log: (line) => lines.push(line) });
  });
  afterAll(() => mock?.stop());

  it("logs method, path, status and operationId of a request that follows the spec", async () => {
    const response = await fetch(`${mock.url}/instances?page=1`, { headers: token });
    expect(response.status).toBe(200);
    expect(lines).toContain("  GET    /instances?page=1 → 200 instances.list");
  });

  it("prints every violation of a request that breaks the spec, and rejects it in strict mode", async () => {
    const response = await fetch(`${mock.url}/instances?status=bogus`, { headers: token });
    const body = (await response.json()) as Record<string, unknown>;
    if (strict) {
      expect(response.status).toBe(422);
      expect(body["validation"]).toEqual([expect.objectContaining({ location: ["request", "query", "status"] })]);
    } else {
      expect(response.status).toBe(400); // the spec's own 400 example
      expect(body).toHaveProperty("error");
    }
    const at = lines.findIndex((line) => line.includes("/instances?status=bogus"));
    expect(lines[at]).toBe(
      `✖ GET    /instances?status=bogus → ${response.status} instances.list — 1 spec violation${strict ? " (rejected with 422: strict mode)" : ""}:`,
    );
    expect(lines[at + 1]).toMatch(/^ {4}✖ request query\.status: Request query parameter status must be equal to one of the allowed values/);
  });

  it("names no operation for a path the spec does not have", async () => {
    expect((await fetch(`${mock.url}/no-such-thing`, { headers: token })).status).toBe(404);
    expect(lines.find((line) => line.includes("/no-such-thing"))).toMatch(/→ 404 \(no operation in the spec\) — 1 spec violation:$/);
  });
});

describe("pnpm mock (the serve script)", () => {
  it.each([
    ["stateful", [], 0], // Prism judges in process
    ["static", ["--static"], 1], // Prism is a child process, which Ctrl-C must stop too
  ] as const)("%s: serves the chosen API at its port from MOCK_PORT, logs requests, and Ctrl-C stops it and Prism", async (mode, flags, children) => {
    // each API keeps its port whichever are served: MOCK_PORT + its place among the build's APIs
    const port = await freePort();
    const base = port - listApis().indexOf("cloudnexus");
    const child = spawn(process.execPath, ["--import", "tsx", "src/serve-cli.ts", "cloudnexus", "--strict", ...flags], {
      cwd: packageDir,
      env: { ...process.env, MOCK_PORT: String(base), NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    onTestFinished(() => void (child.exitCode === null && child.kill("SIGKILL"))); // even when an assertion fails
    while (!output.includes(`cloudnexus   http://127.0.0.1:${port}\n`)) {
      if (child.exitCode !== null) throw new Error(output);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(output).toContain(`Mocks are running (${mode}, strict); Ctrl-C stops them:\n  cloudnexus   http://127.0.0.1:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/me`, { headers: token })).status).toBe(200);
    while (!output.includes("→ 200 me")) await new Promise((r) => setTimeout(r, 20));
    const prismPids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    expect(prismPids).toHaveLength(children);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/me`)).rejects.toThrow();
    for (const pid of prismPids) expect(() => readFileSync(`/proc/${pid}/cmdline`)).toThrow();
  });

  it("refuses an unknown API with the list of known ones", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/serve-cli.ts", "nope"], { cwd: packageDir });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(2);
    // the APIs are the folders of spec/ with an openapi.yaml, as the build reads them
    expect(stderr).toContain(`✖ Unknown API "nope". Known APIs: ${(listApis() as string[]).join(", ")}.`);
  });
});
