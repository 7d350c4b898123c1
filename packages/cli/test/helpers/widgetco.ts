// The CLI engine's tests share this small `widgetco` model, made for the cases the real specs do not (yet) have
// (clashing flag names, every flag type, a body under `body`), and the two ways to run the engine in-process on it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { BaseClient, type OperationTable } from "@repo/client";
import type { CliModel, CliOperation as ModelOperation } from "@repo/model";
import { fixtureModel, fixtureOperation } from "@repo/model/fixtures";
import { startFaultServer, type Handler } from "@repo/mock-server/fault-server";
import { runCli } from "../../src/index.js";

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
    op({
      operationId: "widgets.photo",
      method: "PUT",
      path: "/widgets/{id}/photo",
      parameters: [{ name: "id", in: "path", required: true, description: "", schema: { type: "string" } }],
      requestBody: { required: true, contentType: "image/png", schema: { type: "string", format: "binary" } },
      bodyMode: "body",
    }),
    op({
      operationId: "widgets.attach",
      method: "POST",
      path: "/widgets/{id}/files",
      parameters: [{ name: "id", in: "path", required: true, description: "", schema: { type: "string" } }],
      requestBody: {
        required: true,
        contentType: "multipart/form-data",
        schema: { type: "object", required: ["title", "file"], properties: { title: { type: "string" }, file: { type: "string", format: "binary" }, thumbnail: { type: "string", contentMediaType: "image/png" } } },
      },
      bodyMode: "flat",
    }),
    op({
      operationId: "widgets.icon",
      method: "POST",
      path: "/widgets/{id}/icon",
      parameters: [{ name: "id", in: "path", required: true, description: "", schema: { type: "string" } }],
      requestBody: { required: true, contentType: "multipart/form-data", schema: { type: "object", properties: { icon: { type: "string", format: "binary" } } } },
      bodyMode: "flat",
    }),
  ],
});
export const [, update, rename] = model.operations as [ModelOperation, ModelOperation, ModelOperation];

/** Runs the engine in-process; the client records each call and answers `answer`. */
export async function run(
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
  auth: {
    schemes: { bearer: { in: "header", name: "Authorization", prefix: "Bearer" }, sid: { in: "cookie", name: "sid" } },
    token: ["bearer"],
    session: "sid",
    security: ["bearer", "sid"],
  },
  errorShape: { code: "code", message: "message" },
  operations: {
    ping: { method: "GET", path: "/ping", json: true },
    "widgets.update": { method: "PATCH", path: "/widgets/{id}", params: { id: "path", include: "query", "X-Trace-Id": "header" }, body: "flat", json: true },
    "widgets.rename": { method: "POST", path: "/widgets/{name}/rename", params: { name: "path" }, body: "body", json: true },
    "widgets.photo": { method: "PUT", path: "/widgets/{id}/photo", params: { id: "path" }, body: "body", contentType: "image/png", json: true },
    "widgets.attach": { method: "POST", path: "/widgets/{id}/files", params: { id: "path" }, body: "flat", contentType: "multipart/form-data", json: true },
    "widgets.icon": { method: "POST", path: "/widgets/{id}/icon", params: { id: "path" }, body: "flat", contentType: "multipart/form-data", json: true },
  },
};

/** Runs the engine in-process with the real client (BaseClient) against a local server answering `script`. */
export async function runAgainst(argv: string[], ...script: Handler[]) {
  const server = await startFaultServer(...script);
  // closed when the calling test ends (each call its own server, whichever file the test is in)
  onTestFinished(() => server.close());
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
