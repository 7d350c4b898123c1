// The CLI engine in-process, on a small model made for the cases the real specs do not (yet) have:
// flag names that clash, every flag type, a body taken under `body`. The client records what the
// engine asks of it — the real bins are tested against Prism in each SDK package.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BaseClient, type OperationTable } from "@repo/client";
import { configPath, removeStoredToken, writeConfig } from "../src/config.js";
import type { CliModel, CliOperation as ModelOperation } from "@repo/model";
import { fixtureModel, fixtureOperation } from "@repo/model/fixtures";
import { cliArgs, kebabCase, operationFlags, runCli } from "../src/index.js";
import { maskHeader, Output } from "../src/output.js";
import { suggest } from "../src/suggest.js";
import { reply, startFaultServer, type FaultServer, type Handler } from "@repo/mock-server/fault-server";

const op = (fields: Parameters<typeof fixtureOperation>[0]): ModelOperation =>
  fixtureOperation({ summary: `Summary of ${fields.operationId}`, security: ["bearer"], ...fields });

const model: CliModel = fixtureModel({
  api: "widgetco",
  title: "Widget API",
  version: "2.0.0",
  specHash: "abc",
  servers: ["https://api.widget.test"],
  operations: [
    op({ operationId: "ping", method: "GET", path: "/ping" }),
    op({
      operationId: "widgets.update",
      method: "PATCH",
      path: "/widgets/{id}",
      parameters: [
        { name: "id", in: "path", required: true, description: "The widget.", schema: { type: "string", pattern: "^w" } },
        { name: "include", in: "query", required: false, description: "Embed parts.", schema: { type: "boolean" } },
        { name: "X-Trace-Id", in: "header", required: false, description: "", schema: { type: "string" } },
      ],
      requestBody: {
        required: true,
        contentType: "application/json",
        schema: {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: {
            name: { type: "string", minLength: 1 },
            count: { type: "integer", minimum: 1 },
            ratio: { type: ["number", "null"] },
            enabled: { type: "boolean" },
            tags: { type: "array", items: { type: "string" } },
            sizes: { type: "array", items: { type: "integer" } },
            labels: { type: "object", additionalProperties: { type: "string" } },
            size: { type: "string", enum: ["small", "large"], default: "small" },
            created: { type: "string", readOnly: true },
          },
        },
      },
      bodyMode: "flat",
    }),
    op({
      operationId: "widgets.rename",
      method: "POST",
      path: "/widgets/{name}/rename",
      parameters: [{ name: "name", in: "path", required: true, description: "", schema: { type: "string" } }],
      requestBody: { required: true, contentType: "application/json", schema: { type: "object", required: ["name"], properties: { name: { type: "string" } } } },
      bodyMode: "body",
    }),
    op({
      operationId: "widgets.list",
      method: "GET",
      path: "/widgets",
      parameters: [
        { name: "page", in: "query", required: false, description: "", schema: { type: "integer", minimum: 1 } },
        { name: "page_size", in: "query", required: false, description: "", schema: { type: "integer", maximum: 50, default: 20 } },
      ],
      pagination: { page: "page", pageSize: "page_size", items: "widgets", meta: null },
    }),
    op({
      operationId: "widgets.tag",
      method: "PATCH",
      path: "/widgets/{id}/tags",
      parameters: [{ name: "id", in: "path", required: true, description: "", schema: { type: "string" } }],
      // no additionalProperties: false, so the schema alone would let --data carry an "id"
      requestBody: { required: true, contentType: "application/json", schema: { type: "object", properties: { tags: { type: "array", items: { type: "string" } } } } },
      bodyMode: "flat",
    }),
    op({
      operationId: "widgets.export",
      method: "GET",
      path: "/widgets/{id}/export",
      description: [
        "Exports a widget as `json` or **YAML**; see [the guide](https://widget.test/guide).",
        "",
        "- one `item`",
        "- another item",
        "",
        "| format | size |",
        "| --- | --- |",
        "| json | small |",
      ].join("\n"),
      parameters: [
        { name: "id", in: "path", required: true, description: "The `id` of the widget.", schema: { type: "string" } },
      ],
    }),
  ],
});
const [ping, update, rename, list] = model.operations as [ModelOperation, ModelOperation, ModelOperation, ModelOperation];

/** Runs the engine in-process; the client records each call and answers `answer`. */
async function run(
  argv: string[],
  { tty = false, answer = { ok: true } as unknown, configHome = mkdtempSync(join(tmpdir(), "cli-engine-")), env = {} as NodeJS.ProcessEnv } = {},
) {
  const calls: Array<{ operationId: string; params: Record<string, unknown> | undefined; token: string | undefined }> = [];
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    {
      model,
      loginOperation: "ping",
      specFile: "/nonexistent.json",
      version: "9.9.9",
      createClient: (token) => ({
        async request(operationId, params) {
          calls.push({ operationId, params, token });
          return { data: answer, response: new Response(JSON.stringify(answer), { status: 200, statusText: "OK" }) };
        },
      }),
    },
    {
      argv,
      env: { XDG_CONFIG_HOME: configHome, ...env },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdoutIsTTY: tty,
      stdinIsTTY: true,
      readStdin: () => "",
    },
  );
  return { code, stdout, stderr, calls };
}

/** The widgetco model's operations as an SDK table, for runs with a real client against a local server. */
const widgetApi: OperationTable = {
  name: "widgetco",
  baseUrl: "https://api.widget.test",
  env: { token: "WIDGETCO_TOKEN", baseUrl: "WIDGETCO_BASE_URL" },
  auth: { header: "Authorization", scheme: "Bearer", cookie: "sid" },
  errorShape: { code: "code", message: "message" },
  operations: {
    ping: { method: "GET", path: "/ping", json: true },
    "widgets.update": { method: "PATCH", path: "/widgets/{id}", params: { id: "path", include: "query", "X-Trace-Id": "header" }, body: "flat", json: true },
    "widgets.rename": { method: "POST", path: "/widgets/{name}/rename", params: { name: "path" }, body: "body", json: true },
  },
};

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs the engine in-process with the real client (BaseClient) against a local server answering `script`. */
async function runAgainst(argv: string[], ...script: Handler[]) {
  server = await startFaultServer(...script);
  let stdout = "";
  let stderr = "";
  const code = await runCli(
    { model: { ...model, auth: { ...model.auth, cookie: "sid" } }, loginOperation: "ping", specFile: "/nonexistent.json", version: "9.9.9", createClient: (token, options) => new BaseClient(widgetApi, token, options) },
    {
      argv: [...argv, "--base-url", server.url],
      env: { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "cli-engine-")) },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdoutIsTTY: false,
      stdinIsTTY: true,
      readStdin: () => "",
    },
  );
  return { code, stdout, stderr, requests: server.requests };
}

describe("flags derived from an operation", () => {
  it.each([
    ["page_size", "page-size"],
    ["sshKeys", "ssh-keys"],
    ["X-Trace-Id", "x-trace-id"],
    ["ipv4", "ipv4"],
  ])("kebabCase(%s) = %s", (name, flag) => expect(kebabCase(name)).toBe(flag));

  it("a flag named like a global flag, or like a parameter, is prefixed with its location; readOnly fields are left out", () => {
    expect(operationFlags(update).map((f) => [f.flag, f.kind])).toEqual([
      ["id", "string"],
      ["query-include", "boolean"],
      ["x-trace-id", "string"],
      ["name", "string"],
      ["count", "integer"],
      ["ratio", "number"],
      ["enabled", "boolean"],
      ["tags", "array"],
      ["sizes", "array"],
      ["labels", "json"],
      ["size", "string"],
    ]);
    expect(operationFlags(rename).map((f) => f.flag)).toEqual(["name", "body-name"]);
  });
});

describe("parsing into the SDK's params", () => {
  it("reads every type and spreads a flat body next to the parameters", async () => {
    const { code, calls } = await run([
      "widgets/update", "--id", "w1", "--query-include", "--x-trace-id", "t-1", "--name", "a", "--count", "3",
      "--ratio=-0.5", "--no-enabled", "--tags", "x", "--tags", "y", "--sizes", "[1,2]", "--labels", '{"k":"v"}',
    ]);
    expect(code).toBe(0);
    expect(calls).toEqual([
      {
        operationId: "widgets.update",
        token: undefined,
        params: { id: "w1", include: true, "X-Trace-Id": "t-1", name: "a", count: 3, ratio: -0.5, enabled: false, tags: ["x", "y"], sizes: [1, 2], labels: { k: "v" } },
      },
    ]);
  });

  it("--data gives the body and flags override its fields", async () => {
    const { calls } = await run(["widgets/update", "--id", "w1", "--data", '{"name":"a","count":2}', "--count", "5"]);
    expect(calls[0]?.params).toEqual({ id: "w1", name: "a", count: 5 });
  });

  it("a body whose field clashes with a parameter goes under `body`", async () => {
    const { calls } = await run(["widgets/rename", "--name", "old", "--body-name", "new"]);
    expect(calls[0]?.params).toEqual({ name: "old", body: { name: "new" } });
  });

  it("cliArgs is the inverse: its command line gives back the same params", async () => {
    const params = { id: "w1", include: false, name: "-dash", count: 2, tags: [], sizes: [3], labels: { a: "b" }, ratio: null };
    const { calls } = await run(cliArgs(update, params));
    expect(calls[0]?.params).toEqual(params);
    const renamed = { name: "old", body: { name: "new" } };
    expect((await run(cliArgs(rename, renamed))).calls[0]?.params).toEqual(renamed);
  });

  it.each([
    [["widgets/update", "--id", "w1"], /Missing required flag --name\./],
    [["widgets/update", "--id", "x1", "--name", "a"], /--id must match pattern "\^w"/],
    [["widgets/update", "--id", "w1", "--name", "a", "--size", "larg"], /--size must be one of: small, large \(got "larg"\)\. Did you mean large\?/],
    [["widgets/update", "--id", "w1", "--name", "a", "--count", "0"], /--count must be >= 1/],
    [["widgets/update", "--id", "w1", "--name", "a", "--count", "1.5"], /--count expects an integer/],
    [["widgets/update", "--id", "w1", "--name", "a", "--labels", "{"], /--labels expects JSON \(object\)/],
    [["widgets/update", "--id", "w1", "--name", "a", "--name", "b"], /--name is given 2 times/],
    [["widgets/list", "--all", "--include"], /--include shows one response; it cannot be combined with --all/],
    [["ping", "--all"], /--all follows pagination, and ping is not paginated/],
    [["widgets/list", "--page-size", "51"], /--page-size must be <= 50/],
    [["ping", "--prefer", "example=a\nX-Evil: 1"], /^Error: --prefer takes code=<status>, example=<name> or dynamic=true\|false/],
    [["widgets/tag", "--id", "w1", "--data", '{"id":"w2","tags":["a"]}'], /^Error: --data field "id" is a parameter of widgets\/tag, not a body field: give it as --id\./],
    [["widget/list"], /Did you mean widgets\/list\?/],
    [["list"], /Did you mean widgets\/list\?/],
    [["--tokn", "secret-value", "ping"], /^Error: Unknown flag --tokn before the command\. Did you mean --token\?\n/],
  ])("%j is a usage error (exit 2) and sends nothing", async (argv, message) => {
    const { code, stderr, calls } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(calls).toEqual([]);
  });
});

describe("output", () => {
  it("pretty-prints on a terminal and prints one line in a pipe", async () => {
    expect((await run(["ping"], { tty: true })).stdout).toBe('{\n  "ok": true\n}\n');
    expect((await run(["ping"], { tty: false })).stdout).toBe('{"ok":true}\n');
  });

  it("--all prints the items of each page as JSON lines", async () => {
    const { stdout, calls } = await run(["widgets/list", "--all"], { answer: { widgets: [{ id: 1 }, { id: 2 }], total: 2 } });
    expect(stdout).toBe('{"id":1}\n{"id":2}\n');
    expect(calls[0]?.params).toEqual({ page: 1 });
  });

  it("never echoes a token given on the command line, even in a usage error", async () => {
    const { code, stderr } = await run(["--token", "tok-1234-secret", "tok-1234-secret"]);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "****"');
  });

  it("masks secrets in everything printed, and credential headers", () => {
    let text = "";
    const output = new Output({ write: (t: string) => (text += t) }, { write: (t: string) => (text += t) }, false);
    output.addSecret("s3cr3t-token");
    output.out("a s3cr3t-token b\n");
    output.err("Bearer s3cr3t-token\n");
    expect(text).toBe("a **** b\nBearer ****\n");
    expect(maskHeader("Authorization", "Bearer abc")).toBe("Bearer ****");
    expect(maskHeader("content-type", "application/json")).toBe("application/json");
  });
});

describe("path values that would leave their template are usage errors (exit 2) before any request", () => {
  it.each([
    ["..", /^Error: --name cannot be "\.\.": a path parameter names one resource/],
    [".", /^Error: --name cannot be "\.":/],
    ["", /^Error: --name cannot be empty:/],
  ])("widgets/rename --name %j", async (value, message) => {
    const { code, stderr, requests } = await runAgainst(["widgets/rename", "--name", value, "--body-name", "x"], reply.json(200, { ok: true }));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Run `widgetco widgets/rename --help` for its flags.");
    expect(requests).toHaveLength(0);
  });
});

describe("credentials and URLs that cannot be sent are usage errors (exit 2), never echoed", () => {
  it.each([
    ["--token with a line break", ["ping", "--token", "tok-SECRET-1\nX-Evil: 1"], /^Error: --token has a control character .*its value is not shown\)\.\n/],
    ["--token with a trailing space", ["ping", "--token", "tok-SECRET-1 "], /^Error: --token has .*whitespace at an end/],
    ["--session with a line break", ["ping", "--token", "t", "--session", "sess-SECRET-1\r\n"], /^Error: The session has a control character/],
    ["a header flag with a line break", ["widgets/update", "--id", "w1", "--name", "a", "--x-trace-id", "t\r\nX-SECRET: 1"], /^Error: --x-trace-id has a control character/],
  ])("%s", async (_name, argv, message) => {
    const { code, stderr, requests } = await runAgainst(argv, reply.json(200, { ok: true }));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/SECRET|X-Evil/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(requests).toHaveLength(0);
  });

  it("the token from the environment is named as such", async () => {
    const { code, stderr, calls } = await run(["ping"], { env: { WIDGETCO_TOKEN: "env-SECRET-1\n" } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Error: \$WIDGETCO_TOKEN has a control character/);
    expect(stderr).not.toContain("SECRET");
    expect(calls).toEqual([]);
  });

  it("--base-url with user:password@ is refused without repeating the password", async () => {
    const { code, stderr, calls } = await run(["ping", "--base-url", "https://me:pw-SECRET-1@api.widget.test"]);
    expect(code).toBe(2);
    expect(stderr).toBe('Error: --base-url must not contain user:password@ (pass the credential as the token), got "https://api.widget.test".\n');
    expect(calls).toEqual([]);
  });
});

describe("retries: --max-retries, --no-retry, and long waits announced unless --quiet", () => {
  const unavailable = (retryAfter: string) => reply.json(503, { code: "BUSY", message: "Busy." }, { "retry-after": retryAfter });
  const ok = reply.json(200, { ok: true });

  it("a wait longer than a second is announced on stderr, then the answer printed", async () => {
    const { code, stdout, stderr, requests } = await runAgainst(["ping"], unavailable("1.2"), ok);
    expect(code).toBe(0);
    expect(stdout).toBe('{"ok":true}\n');
    expect(stderr).toBe("ping answered 503; retrying in 1.2 s (Retry-After)… (attempt 2 of 3; --no-retry to give up at once)\n");
    expect(requests).toHaveLength(2);
  });

  it("--quiet waits without a word; a short wait is never announced", async () => {
    expect((await runAgainst(["ping", "--quiet"], unavailable("1.2"), ok)).stderr).toBe("");
    expect((await runAgainst(["ping"], unavailable("0.1"), ok)).stderr).toBe("");
  });

  it("--no-retry gives up at once; --max-retries sets how many retries", async () => {
    const none = await runAgainst(["ping", "--no-retry"], unavailable("0"));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^Error: the API answered 503 BUSY: Busy\./);
    expect(none.requests).toHaveLength(1);
    expect((await runAgainst(["ping", "--max-retries", "1"], unavailable("0"))).requests).toHaveLength(2);
    expect((await runAgainst(["ping", "--max-retries=4"], unavailable("0"))).requests).toHaveLength(5);
  });

  it.each([
    [["ping", "--max-retries", "-1"], /^Error: --max-retries takes a whole number from 0 to 99, got "-1"\./],
    [["ping", "--max-retries", "many"], /^Error: --max-retries takes a whole number/],
    [["ping", "--no-retry", "--max-retries", "2"], /^Error: Use --no-retry or --max-retries, not both\./],
  ])("%j is a usage error before any request", async (argv, message) => {
    const { code, stderr, requests } = await runAgainst(argv, ok);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(requests).toHaveLength(0);
  });

  it("help lists the flags", async () => {
    const { stdout } = await run(["--help"]);
    expect(stdout).toMatch(/--max-retries <n> +Retry a request that got 429, 502, 503, 504 or no answer up to n/);
    expect(stdout).toMatch(/--no-retry +Never retry/);
    expect(stdout).toMatch(/--quiet +Do not announce/);
    expect((await run(["ping", "--help"])).stdout).toMatch(/Global flags: .*--max-retries, --no-retry, --quiet/);
  });
});

describe("help", () => {
  it("lists namespaces and commands with summaries", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n  ping +Summary of ping\n/);
    expect(stdout).toMatch(/\n  widgets\n    widgets\/export +Summary of widgets.export\n    widgets\/list +Summary of widgets.list\n/);
  });

  it("lists a command's flags with type, enum, default and required mark", async () => {
    const { stdout } = await run(["widgets/update", "--help"]);
    expect(stdout).toContain("Usage: widgetco widgets/update --id <string> --name <string> [flags]");
    expect(stdout).toMatch(/--id <string> +\(required\) The widget\./);
    expect(stdout).toMatch(/--size <small\|large> +One of: small, large\. Default: "small"\./);
    expect(stdout).toMatch(/--count <integer> +Range: min 1\./);
    expect(stdout).toMatch(/--tags <string>\.\.\. +Repeat the flag or give a JSON array\./);
    expect(stdout).toMatch(/--query-include {2,}Embed parts\./);
  });

  it("renders a Markdown description for a terminal: code spans, emphasis, links, lists, tables", async () => {
    const { stdout } = await run(["widgets/export", "--help"]);
    expect(stdout).toContain("Exports a widget as json or YAML; see the guide (https://widget.test/guide).");
    expect(stdout).toContain("\n• one item\n• another item\n");
    expect(stdout).toContain("\nformat  size\njson    small\n");
    expect(stdout).toMatch(/--id <string> +\(required\) The id of the widget\./);
    expect(stdout.slice(0, stdout.indexOf("Usage:"))).not.toMatch(/[`*]|\]\(/);
    // on a terminal, code spans stand out in colour; NO_COLOR turns that off
    expect((await run(["widgets/export", "--help"], { tty: true })).stdout).toContain("\u001b[36mjson\u001b[0m");
    expect((await run(["widgets/export", "--help"], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001b[");
  });

  it("`help <command>` is the same as `<command> --help`", async () => {
    expect((await run(["help", "widgets/list"])).stdout).toBe((await run(["widgets/list", "--help"])).stdout);
    expect((await run(["help", "login"])).stdout).toBe((await run(["login", "--help"])).stdout);
    expect((await run(["login", "--help"])).stdout).toContain("Usage: widgetco login --token <token>");
  });
});

describe("did you mean", () => {
  it.each([
    ["instances/lst", ["instances/list", "instances/get"], "instances/list"],
    ["--stats", ["--status", "--page"], "--status"],
    ["zzz", ["instances/list"], undefined],
  ])("%s among %j → %s", (input, candidates, best) => expect(suggest(input, candidates)[0]).toBe(best));
});

describe("the config file", () => {
  it("is written 0600 in a 0700 directory, even one that existed with looser modes", () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    const file = configPath("widgetco", { XDG_CONFIG_HOME: home });
    mkdirSync(join(home, "widgetco"), { mode: 0o755 });
    writeFileSync(file, "{}", { mode: 0o644 });
    writeConfig(file, { token: "t" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, "widgetco")).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ token: "t" });
    expect(removeStoredToken(file)).toBe(true);
    expect(removeStoredToken(file)).toBe(false);
  });

  it("a config file that is not JSON is named in a one-line error (exit 1)", async () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    mkdirSync(join(home, "widgetco"));
    writeFileSync(join(home, "widgetco", "config.json"), "not json");
    const { code, stderr, calls } = await run(["ping"], { configHome: home });
    expect(code).toBe(1);
    expect(stderr).toBe(`Error: ${join(home, "widgetco", "config.json")} is not valid JSON: fix it or delete it (\`logout\` does).\n`);
    expect(calls).toEqual([]);
  });

  it("login that cannot write the config says so in one line (exit 1), without the token", async () => {
    const notADirectory = join(mkdtempSync(join(tmpdir(), "cli-config-")), "file");
    writeFileSync(notADirectory, "");
    const { code, stderr, calls } = await run(["login", "--token", "tok-abcdef-123"], { configHome: notADirectory });
    expect(calls.map((c) => c.operationId)).toEqual(["ping"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: The token is valid but could not be stored in .*config\.json \(ENOTDIR\)\.\n$/);
  });

  it("a config directory that is a symbolic link is refused: nothing is re-moded or written through it", async () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "cli-elsewhere-"));
    chmodSync(elsewhere, 0o755);
    symlinkSync(elsewhere, join(home, "widgetco"));
    const file = configPath("widgetco", { XDG_CONFIG_HOME: home });
    expect(() => writeConfig(file, { token: "t" })).toThrow(`${join(home, "widgetco")} is a symbolic link; refusing to store a token through it`);
    const { code, stderr } = await run(["login", "--token", "tok-abcdef-123"], { configHome: home });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: The token is valid but could not be stored in .* \(.* is a symbolic link; refusing to store a token through it/);
    expect(stderr).not.toContain("tok-abcdef-123");
    expect(statSync(elsewhere).mode & 0o777).toBe(0o755);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("a file or link left at the temporary name is replaced, never written through", () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    const target = join(mkdtempSync(join(tmpdir(), "cli-elsewhere-")), "victim");
    writeFileSync(target, "keep");
    const file = configPath("widgetco", { XDG_CONFIG_HOME: home });
    mkdirSync(join(home, "widgetco"));
    symlinkSync(target, `${file}.${process.pid}.tmp`);
    writeConfig(file, { token: "t" });
    expect(readFileSync(target, "utf8")).toBe("keep");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ token: "t" });
  });

  it("falls back to ~/.config when XDG_CONFIG_HOME is unset", () => {
    expect(configPath("widgetco", {})).toMatch(/\.config\/widgetco\/config\.json$/);
  });
});

void ping;
void list;
