// What a hostile server and a careless user meet in the package's built bin: a server's terminal
// control sequences (in an error message, a table, a --query scalar) never reach the terminal raw;
// `--data @file` never quotes the file and reads within the SDK's body limit; the config file's
// profiles are its own keys only, and a field of the wrong type is one line naming it and the file.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { cliArgs, configPath } from "@repo/cli";
import type { ErrorShape } from "@repo/model";
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { builtBinHarness, jsonReadOperation, probeOperation, type SdkPackage, type SuiteOperation } from "./package.js";
import { credentialHeaders } from "./credentials.js";

/** OSC title, OSC 52 clipboard write, clear screen, a carriage-return overwrite, and the 8-bit CSI (C1). */
export const HOSTILE = "\u001b]0;PWNED\u0007\u001b]52;c;ZXZpbA==\u0007\u001b[2J\rfake\u009b31m";
/** Any C0 control but newline and tab, DEL or a C1 control: what a terminal acts on. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** An error body in the API's own shape, its code and message `text`. */
export function errorBody(shape: ErrorShape, text: string): unknown {
  const fields: Record<string, unknown> = {};
  if (shape.code) fields[shape.code] = "HOSTILE";
  // no declared message field: `message`, which the SDK reads when the spec declares none
  fields[shape.message ?? "message"] = text;
  if (shape.title) fields[shape.title] = text;
  return shape.path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), fields);
}

/** The first operation with a JSON request body (what `--data` fills). */
export const bodyOperation = (pkg: SdkPackage): SuiteOperation | undefined =>
  pkg.model.operations.find((op) => op.requestBody && /json/i.test(op.requestBody.contentType ?? "application/json"));

export function cliHostileSuite(pkg: SdkPackage, options: { token: string }): void {
  const cli = builtBinHarness(pkg, options.token);
  const probe = probeOperation(pkg);
  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const run = (args: string[]) => cli.run([...args, "--base-url", server!.url, "--token", options.token, "--no-retry"]);

  describe(`${pkg.name}: a server's control sequences reach no terminal raw`, () => {
    it("an error message is printed with its controls escaped (stderr)", async () => {
      server = await startFaultServer(reply.json(400, errorBody(pkg.model.errorShape, HOSTILE)));
      const result = await run(cliArgs(probe, probe.exampleParams));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("\\u001b]0;PWNED\\u0007");
      expect(result.stderr).toContain("\\u009b31m");
      expect(result.stderr).not.toMatch(RAW_CONTROL);
    });

  });

  // an API whose answers carry no content prints none: nothing here to prove
  const read = jsonReadOperation(pkg);
  if (read) describe(`${pkg.name}: a server's control sequences in an answer reach no terminal raw`, () => {
    it("an answer that is not JSON is quoted with its controls escaped (stderr)", async () => {
      server = await startFaultServer(reply.text(200, `<html>${HOSTILE}`, "application/json"));
      const result = await run(cliArgs(read, read.exampleParams));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("\\u001b]52;c;");
      expect(result.stderr).not.toMatch(RAW_CONTROL);
    });

    it.each([
      ["-o table", ["-o", "table"]],
      ["a --query scalar", ["--query", "field"]],
      ["-o json", []],
      ["-o yaml", ["-o", "yaml"]],
    ])("%s shows them visibly escaped", async (_name, flags) => {
      server = await startFaultServer(reply.json(200, { field: HOSTILE, [`key${HOSTILE}`]: 1 }));
      const result = await run([...cliArgs(read, read.exampleParams), ...flags]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/\\u001b|\\e/);
      expect(result.stdout).not.toMatch(RAW_CONTROL);
    });
  });

  // an API without a request body (no operation takes --data) has nothing here to prove
  const op = bodyOperation(pkg);
  if (op) describe(`${pkg.name}: --data @file`, () => {
    const dir = mkdtempSync(join(tmpdir(), `${pkg.name}-data-`));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    /** The command with its parameters but no body: --data gives that. */
    const command = () => cliArgs(op, Object.fromEntries(Object.entries(op.exampleParams).filter(([key]) => op.parameters.some((p) => p.name === key))));

    it("a file that is not JSON: the file and the line and column are named, nothing of its content", async () => {
      server = await startFaultServer(reply.json(500, {}));
      const secret = join(dir, "secret.txt");
      writeFileSync(secret, `{\n  "a": 1,\n  cn_live_P1SECRETVALUE\n}\n`);
      const result = await run([...command(), "--data", `@${secret}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--data @${secret} is not valid JSON: line 3, column 3`);
      expect(result.stderr).not.toMatch(/cn_live|P1SECRET/);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(server.requests).toHaveLength(0);
    });

    it("a token pasted as the whole file is not echoed either", async () => {
      server = await startFaultServer(reply.json(500, {}));
      const secret = join(dir, "token.txt");
      writeFileSync(secret, "cn_live_P1SECRETVALUE");
      const result = await run([...command(), "--data", `@${secret}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("line 1, column 1");
      expect(result.stderr).not.toMatch(/cn_live|P1SEC/);
    });

    it("a file over the SDK's 50 MiB body limit is refused before it is read", async () => {
      server = await startFaultServer(reply.json(500, {}));
      const huge = join(dir, "huge.json");
      writeFileSync(huge, "");
      truncateSync(huge, 60 * 1024 * 1024);
      const result = await run([...command(), "--data", `@${huge}`]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is larger than 50 MiB, the largest request body the SDK sends; it was not read/);
      expect(server.requests).toHaveLength(0);
    });

    it("a device that never ends (/dev/zero) is read no further than the limit, then refused", async () => {
      server = await startFaultServer(reply.json(500, {}));
      const result = await run([...command(), "--data", "@/dev/zero"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--data @\/dev\/zero is larger than 50 MiB/);
      expect(server.requests).toHaveLength(0);
    });

    it("a FIFO fed without end is refused at the limit", async () => {
      server = await startFaultServer(reply.json(500, {}));
      const fifo = join(dir, "fifo");
      execFileSync("mkfifo", [fifo]);
      // `yes` writes until the reader goes away (then SIGPIPE ends it)
      const writer = spawn("sh", ["-c", `exec yes > '${fifo}'`], { stdio: "ignore" });
      try {
        const result = await run([...command(), "--data", `@${fifo}`]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/is larger than 50 MiB/);
      } finally {
        writer.kill();
      }
    });

    it("stdin (--data @-) has the same limit", async () => {
      server = await startFaultServer(reply.json(500, {}));
      const result = await cli.run([...command(), "--data", "@-", "--base-url", server.url, "--token", options.token], { input: " ".repeat(50 * 1024 * 1024 + 1) });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/stdin is larger than 50 MiB/);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe(`${pkg.name}: the config file`, () => {
    const file = configPath(pkg.model.api, { XDG_CONFIG_HOME: cli.configHome });
    const writeConfigFile = (config: unknown) => {
      mkdirSync(join(file, ".."), { recursive: true, mode: 0o700 });
      writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
    };
    afterEach(() => rmSync(file, { force: true }));
    /** Without --token: the stored login is what counts. */
    const bare = (args: string[]) => cli.run([...args, "--base-url", server!.url, "--no-retry"]);

    it.each(["constructor", "toString", "hasOwnProperty", "valueOf"])("--profile %s is no profile (own keys only): exit 2, nothing sent", async (name) => {
      server = await startFaultServer(reply.json(200, {}));
      writeConfigFile({ token: "stored-default-token", profiles: { work: { token: "stored-work-token" } } });
      const result = await bare([...cliArgs(probe, probe.exampleParams), "--profile", name]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--profile names no profile "${name}"; the profiles are: work.`);
      expect(server.requests).toHaveLength(0);
    });

    it("logout --profile constructor removes nothing and says so", async () => {
      writeConfigFile({ profiles: { work: { token: "stored-work-token" } } });
      const result = await cli.run(["logout", "--profile", "constructor"]);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^No profile "constructor" was stored/);
    });

    it("a profile named constructor works like any other", async () => {
      server = await startFaultServer(reply.json(200, {}));
      writeConfigFile({ profiles: { constructor: { token: "stored-constructor-token" } } });
      const result = await bare([...cliArgs(probe, probe.exampleParams), "--profile", "constructor"]);
      expect(result.code).toBe(0);
      // the stored token, as the SDK places it for the probe (a bearer header, Basic's base64, an API key…)
      const sent = Object.values(credentialHeaders(pkg, probe.operationId, "stored-constructor-token"))[0] ?? "stored-constructor-token";
      expect(`${server.requests[0]!.url} ${JSON.stringify(server.requests[0]!.headers)}`).toContain(sent);
    });

    it.each([
      ["baseUrl: 5", { baseUrl: 5, token: "stored-default-token" }, '"baseUrl" must be a string, got a number'],
      ["a token that is an object", { token: { value: "x" } }, '"token" must be a string, got an object'],
      ["a profile's token that is an array", { profiles: { work: { token: ["x"] } } }, '"profiles.work.token" must be a string, got an array'],
      ["profiles that is a list", { profiles: [] }, '"profiles" must be an object, got an array'],
      ["a file holding an array", [], "the file must hold a JSON object, got an array"],
    ])("%s: one line naming the field and the file, exit 2, nothing sent", async (_name, config, problem) => {
      server = await startFaultServer(reply.json(200, {}));
      writeConfigFile(config);
      const result = await bare([...cliArgs(probe, probe.exampleParams), ...(JSON.stringify(config).includes("work") ? ["--profile", "work"] : [])]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`Error: ${file}: ${problem}; fix it or delete it (\`logout\` does).\n`);
      expect(server.requests).toHaveLength(0);
    });
  });
}
