import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { createClient, defaultBaseUrl } from "../src/index.js";

const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;
const key = "cn_test_4eC39HqLyjWDarjtT1zdp7dc";

describe("cloudnexus typed client against the Prism mock", () => {
  const baseUrl = inject("mockUrl");

  it("defaults to the spec's first server", () => {
    expect(defaultBaseUrl).toBe("https://api.cloudnexus.io/v1");
  });

  it("GET /me returns the spec example", async () => {
    const { data, response } = await createClient({ baseUrl, token: key }).GET("/me");
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(example("Account"));
  });

  it("GET /instances sends typed filters and returns a page", async () => {
    const { data, response } = await createClient({ baseUrl, token: key }).GET("/instances", {
      params: { query: { status: "running", region: "us-east-1", page: 1, page_size: 25 } },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(example("InstanceList"));
  });

  it("POST /instances answers 201 with the created instance", async () => {
    const { data, response } = await createClient({ baseUrl, token: key }).POST("/instances", {
      body: example("InstanceCreate"),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(example("InstanceCreated"));
  });

  it("without a key, answers 401 with the error envelope", async () => {
    const { error, response } = await createClient({ baseUrl }).GET("/me");
    expect(response.status).toBe(401);
    expect(error).toEqual(example("ErrorUnauthorized"));
  });
});
