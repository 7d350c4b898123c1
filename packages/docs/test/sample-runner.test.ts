// The runner the docs-samples suite runs many samples with, in one process: each sample's failure
// (a throw, an exit code, an unhandled rejection, output on stderr) is its own, not its neighbour's.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it, onTestFinished } from "vitest";
import { run } from "@repo/testkit/run-program";

const dir = mkdtempSync(join(tmpdir(), "sample-runner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("records, per sample, a throw, an exit code, an unhandled rejection and stderr output", async () => {
  const samples = {
    fine: 'const answer = await Promise.resolve(42); console.log(answer);',
    throws: 'await Promise.resolve(); throw new Error("HTTP 500: boom");',
    exitCode: "process.exitCode = 3;",
    rejects: 'Promise.reject(new Error("forgotten"));',
    stderr: 'console.error("a warning");',
    fineAfter: "console.log('still runs');",
  };
  const files = Object.entries(samples).map(([name, source]) => {
    const file = join(dir, `${name}.mjs`);
    writeFileSync(file, source);
    return [name, file] as const;
  });
  const resultsFile = join(dir, "results.json");
  const runner = fileURLToPath(new URL("../src/testing/sample-runner.mjs", import.meta.url));
  const result = await run(process.execPath, [runner, resultsFile, ...files.map(([, file]) => file)]);
  expect(result.code, result.stderr).toBe(0);
  type Ran = { error: string | null; stderr: string };
  const byName: Record<string, Ran> = Object.fromEntries(Object.entries(JSON.parse(readFileSync(resultsFile, "utf8")) as Record<string, Ran>).map(([file, value]) => [files.find(([, f]) => f === file)![0], value]));
  expect(byName.fine).toEqual({ error: null, stderr: "" });
  expect(byName.throws?.error).toMatch(/HTTP 500: boom/);
  expect(byName.exitCode?.error).toMatch(/exitCode = 3/);
  expect(byName.rejects?.error).toMatch(/unhandled rejection: .*forgotten/);
  expect(byName.stderr).toEqual({ error: null, stderr: "a warning\n" });
  expect(byName.fineAfter).toEqual({ error: null, stderr: "" });
  expect(result.stdout).toBe("42\nstill runs\n");
});

it("SAMPLES_REROUTE sends a request under a named server (a URL or a Request) to the mock instead", async () => {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.end("rerouted");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => void server.close());
  const mock = `http://127.0.0.1:${(server.address() as AddressInfo).port}/base`;
  const file = join(dir, "reroute.mjs");
  writeFileSync(file, [
    'console.log(await (await fetch("https://files.example.test/v2/things?x=1")).text());',
    'console.log(await (await fetch(new Request("https://files.example.test/v2", { method: "POST", body: "b" }))).text());',
  ].join("\n"));
  const resultsFile = join(dir, "reroute.json");
  const runner = fileURLToPath(new URL("../src/testing/sample-runner.mjs", import.meta.url));
  const result = await run(process.execPath, [runner, resultsFile, file], { SAMPLES_REROUTE: JSON.stringify([["https://files.example.test/v2", mock]]) });
  expect(result.code, result.stderr).toBe(0);
  expect(JSON.parse(readFileSync(resultsFile, "utf8"))[file]).toEqual({ error: null, stderr: "" });
  expect(result.stdout).toBe("rerouted\nrerouted\n");
  expect(seen).toEqual(["GET /base/things?x=1", "POST /base"]);
});
