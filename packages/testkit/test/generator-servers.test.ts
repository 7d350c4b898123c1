// Generator generality: operation- and path-level `servers`. The model carries them, the SDK sends
// each call there, and an explicit base URL replaces the API's server only (README "Servers"):
// an operation with its own server keeps it unless the call, `overrideOperationServers`, `--base-url`
// or a mock says otherwise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseClient, type ClientOptions } from "@repo/client";
import { startMockServer, type MockServer } from "@repo/mock-server";
import { generalityModel, generalityTable, runFixtureCli, writeFixture } from "./fixtures/generality.js";

/** A client whose fetch records each URL and answers like the spec. */
function recording(options: ClientOptions = {}) {
  const urls: string[] = [];
  const client = new BaseClient(generalityTable(), "tok", {
    maxRetries: 0,
    ...options,
    fetch: async (input) => {
      urls.push(String(input));
      return Response.json({ id: "x" });
    },
  });
  return { client, urls };
}

describe("operation- and path-level servers", () => {
  it("are in the model (variables at their defaults) and the runtime's table", () => {
    const ops = Object.fromEntries(generalityModel().operations.map((op: { operationId: string; servers: unknown }) => [op.operationId, op.servers]));
    expect([ops["reports.get"], ops["uploads.get"], ops["archive.get"]]).toEqual([null, ["https://eu.uploads.fixture.test/v2"], ["/archive-host"]]);
    const table = generalityTable().operations;
    expect([table["reports.get"]!.server, table["uploads.get"]!.server, table["archive.get"]!.server]).toEqual([undefined, "https://eu.uploads.fixture.test/v2", "/archive-host"]);
  });

  it("each call goes to its operation's server; a relative one is resolved against the API's", async () => {
    const { client, urls } = recording();
    for (const id of ["reports.get", "uploads.get", "archive.get"]) await client.request(id, { id: "a" });
    expect(urls).toEqual([
      "https://api.fixture.test/v1/reports/a",
      "https://eu.uploads.fixture.test/v2/uploads/a",
      "https://api.fixture.test/archive-host/archive/a",
    ]);
  });

  it("an explicit base URL replaces the API's server; an operation's own absolute server stays", async () => {
    const { client, urls } = recording({ baseUrl: "http://staging.test/v1" });
    for (const id of ["reports.get", "uploads.get", "archive.get"]) await client.request(id, { id: "a" });
    await client.request("uploads.get", { id: "a" }, { baseUrl: "http://uploads.staging.test/" });
    expect(urls).toEqual([
      "http://staging.test/v1/reports/a",
      "https://eu.uploads.fixture.test/v2/uploads/a",
      "http://staging.test/archive-host/archive/a",
      "http://uploads.staging.test/uploads/a",
    ]);
  });

  it("overrideOperationServers sends everything to the base URL; a bad per-call URL is a TypeError", async () => {
    const { client, urls } = recording({ baseUrl: "http://proxy.test", overrideOperationServers: true });
    await client.request("uploads.get", { id: "a" });
    expect(urls).toEqual(["http://proxy.test/uploads/a"]);
    await expect(client.request("reports.get", { id: "a" }, { baseUrl: "ftp://x" })).rejects.toThrow(TypeError);
  });

  it("the CLI: --base-url sends the command there; $<API>_BASE_URL replaces the API's server only", async () => {
    const urls: string[] = [];
    const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) =>
      (
        await runFixtureCli(
          argv,
          (token, options) => new BaseClient(generalityTable(), token, { ...options, fetch: async (input) => (urls.push(String(input)), Response.json({ id: "x" })) }),
          { env },
        )
      ).code;
    expect(await run(["uploads/get", "--id", "a", "--base-url", "http://127.0.0.1:1"])).toBe(0);
    expect(await run(["uploads/get", "--id", "a"], { FIXTURE_BASE_URL: "http://staging.test" })).toBe(0);
    expect(await run(["reports/get", "--id", "a"], { FIXTURE_BASE_URL: "http://staging.test" })).toBe(0);
    expect(urls).toEqual(["http://127.0.0.1:1/uploads/a", "https://eu.uploads.fixture.test/v2/uploads/a", "http://staging.test/reports/a"]);
  });
});

describe("against the Prism mock of the fixture", () => {
  let mock: MockServer<BaseClient, ClientOptions>;
  beforeAll(async () => {
    mock = await startMockServer(writeFixture(), (url, options) => new BaseClient(generalityTable(), "tok", { maxRetries: 0, overrideOperationServers: true, ...options, baseUrl: url }), { mode: "static" });
  });
  afterAll(() => mock?.stop());

  it("a mock client reaches the operations with servers of their own", async () => {
    expect((await mock.client().request("uploads.get", { id: "u_1" })).data).toEqual({ id: "u_1" });
    expect((await mock.client().request("archive.get", { id: "a_1" })).data).toEqual({ id: "a_1" });
  });
});
