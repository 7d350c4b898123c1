// Files in tool calls: a body of bytes and a multipart form's file fields are base64 string arguments,
// decoded by the server into what the real client sends (checked at a local server), driven by the
// official MCP client; a value that is not base64 is the call's error and nothing is sent.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { afterEach, describe, expect, it } from "vitest";
import { BaseClient, type OperationTable } from "@repo/client";
import type { CliOperation } from "@repo/model";
import { fixtureModel, fixtureOperation } from "@repo/model/fixtures";
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { createMcpServer, inputSchemaOf } from "../src/index.js";

const idParam = { name: "id", in: "path" as const, required: true, description: "", schema: { type: "string" } };
const photo = fixtureOperation({
  operationId: "widgets.photo",
  method: "PUT",
  path: "/widgets/{id}/photo",
  parameters: [idParam],
  requestBody: { required: true, contentType: "image/png", schema: { type: "string", format: "binary" } },
  bodyMode: "body",
});
const attach = fixtureOperation({
  operationId: "widgets.attach",
  method: "POST",
  path: "/widgets/{id}/files",
  parameters: [idParam],
  requestBody: {
    required: true,
    contentType: "multipart/form-data",
    schema: { type: "object", required: ["title", "file"], properties: { title: { type: "string" }, file: { type: "string", format: "binary" } } },
  },
  bodyMode: "body",
});
const model = fixtureModel({ api: "widgetco", servers: ["https://api.widget.test"], operations: [photo, attach] });
const table: OperationTable = {
  name: "widgetco",
  baseUrl: "https://api.widget.test",
  env: { token: "WIDGETCO_TOKEN", baseUrl: "WIDGETCO_BASE_URL" },
  auth: {},
  errorShape: { code: "code", message: "message" },
  operations: {
    "widgets.photo": { method: "PUT", path: "/widgets/{id}/photo", params: { id: "path" }, body: "body", contentType: "image/png", json: true },
    "widgets.attach": { method: "POST", path: "/widgets/{id}/files", params: { id: "path" }, body: "body", contentType: "multipart/form-data", json: true },
  },
};

// bytes the local server reads back as they are (it reads bodies as UTF-8)
const BYTES = Buffer.from([0x00, 0x01, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x7f]);
let server: FaultServer | undefined;
afterEach(() => server?.close());

/** An MCP client connected (in memory) to the server of the model above, its calls sent to a local server. */
async function connect() {
  server = await startFaultServer(reply.json(200, { ok: true }));
  const mcp = createMcpServer({ model, client: new BaseClient(table, undefined, { baseUrl: server.url }) as never, version: "1.0.0", tokenEnv: "WIDGETCO_TOKEN" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await mcp.connect(serverSide);
  const client = new Client({ name: "uploads-test", version: "0.0.0" });
  await client.connect(clientSide);
  return { client, requests: server.requests };
}

const textOf = (result: Awaited<ReturnType<Client["callTool"]>>) => (result.content as Array<{ text: string }>).map((part) => part.text).join("\n");

describe("files in tool calls", () => {
  it("a body of bytes is one base64 argument, with the operation's media type", () => {
    expect(inputSchemaOf(photo as CliOperation).properties.body).toEqual({
      type: "string",
      contentEncoding: "base64",
      contentMediaType: "image/png",
      description: "The request body (image/png): the file's bytes, base64-encoded.",
    });
  });

  it("a multipart form's file field is a base64 argument; its other fields and what it requires stay", () => {
    const body = inputSchemaOf(attach as CliOperation).properties.body as { properties: Record<string, unknown>; required: string[] };
    expect(body.properties.title).toEqual({ type: "string" });
    expect(body.properties.file).toMatchObject({ type: "string", contentEncoding: "base64" });
    expect(body.required).toEqual(["title", "file"]);
  });

  it("sends the decoded bytes as the whole body", async () => {
    const { client, requests } = await connect();
    const result = await client.callTool({ name: "widgets_photo", arguments: { id: "w1", body: BYTES.toString("base64") } });
    expect(result.isError ?? false, textOf(result)).toBe(false);
    expect(requests[0]).toMatchObject({ method: "PUT", url: "/widgets/w1/photo" });
    expect(requests[0]?.headers["content-type"]).toBe("image/png");
    expect(Buffer.from(requests[0]!.body, "utf8").equals(BYTES)).toBe(true);
  });

  it("sends a form with the decoded file in its field, next to the other fields", async () => {
    const { client, requests } = await connect();
    const result = await client.callTool({ name: "widgets_attach", arguments: { id: "w1", body: { title: "Notes", file: Buffer.from("line one\n").toString("base64") } } });
    expect(result.isError ?? false, textOf(result)).toBe(false);
    expect(requests[0]?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(requests[0]?.body).toMatch(/name="title"\r\n\r\nNotes\r\n/);
    expect(requests[0]?.body).toMatch(/name="file"; filename="file"\r\nContent-Type: application\/octet-stream\r\n\r\nline one\n\r\n/);
  });

  it.each([
    ["widgets_photo", { id: "w1", body: "not base64!" }, "body: must be the file's bytes in base64"],
    ["widgets_attach", { id: "w1", body: { title: "T", file: "%%%" } }, "body.file: must be the file's bytes in base64"],
  ])("%s with a value that is not base64 is the call's error, and nothing is sent", async (name, args, message) => {
    const { client, requests } = await connect();
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(message);
    expect(requests).toEqual([]);
  });
});
