// Generator generality: a discriminated oneOf request body. The SDK's flat params are the union over
// its members (the types: generator-types.test.ts), the CLI's flags are every member's fields with
// the discriminator taking any member's value, and the body sent is checked against the whole schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseClient, type ClientOptions } from "@repo/client";
import { operationFlags } from "@repo/cli";
import type { CliOperation as ModelOperation } from "@repo/model";
import { inputSchemaOf } from "@repo/mcp";
import { startMockServer, type MockServer } from "@repo/mock-server";
import { generalityModel, generalityTable, runFixtureCli, writeFixture } from "./fixtures/generality.js";

const create = () => generalityModel().operations.find((op: ModelOperation) => op.operationId === "pets.create") as ModelOperation;

describe("a discriminated oneOf body", () => {
  it("is flat in the SDK's params, and its flags are every member's fields", () => {
    expect(generalityTable().operations["pets.create"]!.body).toBe("flat");
    const flags = operationFlags(create());
    expect(flags.map((f) => [f.flag, f.required])).toEqual([["kind", true], ["name", true], ["lives", false], ["good", false]]);
    expect(flags[0]!.schema.enum).toEqual(["cat", "dog"]);
    expect(Object.keys(inputSchemaOf(create()).properties)).toEqual(["kind", "name", "lives", "good"]);
  });

  describe("against Prism", () => {
    let mock: MockServer<BaseClient, ClientOptions>;
    beforeAll(async () => {
      mock = await startMockServer(writeFixture(), (url, options) => new BaseClient(generalityTable(), "tok", { maxRetries: 0, ...options, baseUrl: url }), { mode: "static" });
    });
    afterAll(() => mock?.stop());

    const run = async (argv: string[]) => {
      const { code, err } = await runFixtureCli([...argv, "--base-url", mock.url], (_token, options) => mock.client({ ...options, baseUrl: mock.url }));
      return { code, err };
    };

    it("the SDK sends either member flat", async () => {
      for (const pet of [{ kind: "cat", name: "Tom", lives: 9 }, { kind: "dog", name: "Rex", good: true }]) {
        expect((await mock.client().request("pets.create", pet)).data).toEqual({ id: "p_1" });
      }
    });

    it("the CLI sends either member and refuses a body that fits none before sending", async () => {
      expect((await run(["pets/create", "--kind", "dog", "--name", "Rex", "--good"])).code).toBe(0);
      expect((await run(["pets/create", "--kind", "cat", "--name", "Tom", "--lives", "9"])).code).toBe(0);
      const bad = await run(["pets/create", "--kind", "dog", "--name", "Rex"]);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/good/);
    });
  });
});
