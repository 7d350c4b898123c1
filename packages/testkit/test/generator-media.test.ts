// Generator generality: non-JSON answers. The SDK asks with the spec's 2xx media types (not always
// application/json) and resolves with a string for text, CSV and YAML, a Blob for a PDF or bytes; the
// CLI prints text as it came and bytes only to a pipe or --out-file. Proven against Prism (the
// spec's examples of those media types) and the stateful mock.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseClient, type ClientOptions } from "@repo/client";
import { successResult } from "@repo/mcp";
import { startMockServer, type MockServer } from "@repo/mock-server";
import { CSV, generalityModel, generalityTable, PDF, runFixtureCli, writeFixture, YAML } from "./fixtures/generality.js";

describe("the model and the runtime's table", () => {
  it("say what to accept and how to read each answer", () => {
    const table = generalityTable().operations;
    const pick = (id: string) => ({ accept: table[id]!.accept, parseAs: table[id]!.parseAs, json: table[id]!.json ?? false });
    expect(pick("reports.get")).toEqual({ accept: undefined, parseAs: undefined, json: true });
    expect(pick("reports.csv")).toEqual({ accept: "text/csv, application/json;q=0.5", parseAs: "text", json: false });
    expect(pick("reports.yaml")).toEqual({ accept: "application/yaml, application/json;q=0.5", parseAs: "text", json: false });
    expect(pick("reports.pdf")).toEqual({ accept: "application/pdf, application/json;q=0.5", parseAs: "blob", json: false });
    expect(pick("reports.raw")).toEqual({ accept: "application/octet-stream, application/json;q=0.5", parseAs: "blob", json: false });
  });
});

describe("the MCP server", () => {
  it("names a binary answer's size and type instead of printing its bytes", () => {
    const op = generalityModel().operations.find((o: { operationId: string }) => o.operationId === "reports.pdf")!;
    const result = successResult(op, {}, new Blob([PDF], { type: "application/pdf" }), new Response(null, { status: 200, statusText: "OK" }), (t: string) => t);
    expect(JSON.stringify(result.content)).toContain(`200 OK: ${PDF.length} bytes of application/pdf (not shown`);
  });
});

for (const mode of ["static", "stateful"] as const) {
  describe(`against the ${mode} mock`, () => {
    let mock: MockServer<BaseClient, ClientOptions>;
    const accepts: string[] = [];
    beforeAll(async () => {
      const recordingFetch: typeof fetch = (input, init) => {
        accepts.push(String((init?.headers as Record<string, string>)?.Accept));
        return fetch(input, init);
      };
      mock = await startMockServer(
        writeFixture(),
        (url, options) => new BaseClient(generalityTable(), "tok", { maxRetries: 0, fetch: recordingFetch, ...options, baseUrl: url }),
        mode === "static" ? { mode } : {},
      );
    });
    afterAll(() => mock?.stop());

    it("text, CSV and YAML resolve as strings, with their Accept", async () => {
      accepts.length = 0;
      const client = mock.client();
      expect((await client.request("reports.csv", { id: "r_1" })).data).toBe(CSV);
      expect((await client.request("reports.yaml", { id: "r_1" })).data).toBe(YAML);
      expect((await client.request("reports.text", { id: "r_1" })).data).toBe("weekly report");
      expect(accepts).toEqual(["text/csv", "application/yaml", "text/plain"].map((type) => `${type}, application/json;q=0.5`));
    });

    it("a PDF and octet-stream resolve as Blobs of their media type; JSON is still parsed", async () => {
      const client = mock.client();
      const pdf = (await client.request("reports.pdf", { id: "r_1" })).data as Blob;
      expect(pdf).toBeInstanceOf(Blob);
      expect([pdf.type.split(";")[0], await pdf.text()]).toEqual(["application/pdf", PDF]);
      const raw = (await client.request("reports.raw", { id: "r_1" })).data as Blob;
      expect([raw.type.split(";")[0], await raw.text()]).toEqual(["application/octet-stream", "raw bytes"]);
      expect((await client.request("reports.get", { id: "r_1" })).data).toEqual({ id: "r_1" });
    });

    it("the CLI prints text as is, bytes to a pipe or --out-file, and refuses bytes on a terminal", async () => {
      const run = (argv: string[], tty = false) =>
        runFixtureCli([...argv, "--base-url", mock.url], (_token, options) => mock.client({ ...options, baseUrl: mock.url }), { tty });
      expect(await run(["reports/csv", "--id", "r_1"])).toMatchObject({ code: 0, out: [CSV] });
      const piped = await run(["reports/pdf", "--id", "r_1"]);
      expect([piped.code, Buffer.from(piped.out[0] as Uint8Array).toString()]).toEqual([0, PDF]);
      const terminal = await run(["reports/pdf", "--id", "r_1"], true);
      expect([terminal.code, terminal.out]).toEqual([2, []]);
      expect(terminal.err).toMatch(/reports\/pdf answers bytes \(application\/pdf\).*--out-file <file>/s);
      const file = join(mkdtempSync(join(tmpdir(), "out-file-")), "r.pdf");
      expect((await run(["reports/pdf", "--id", "r_1", "--out-file", file], true)).code).toBe(0);
      expect(readFileSync(file, "utf8")).toBe(PDF);
      expect((await run(["reports/csv", "--id", "r_1", "--query", "a"])).err).toMatch(/--query applies to JSON answers; reports\/csv answers text\/csv/);
    });
  });
}
