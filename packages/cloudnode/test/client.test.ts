import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { createClient, defaultBaseUrl } from "../src/index.js";

const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;

describe("cloudnode typed client against the Prism mock", () => {
  const baseUrl = inject("mockUrl");

  it("defaults to the spec's first server", () => {
    expect(defaultBaseUrl).toBe("https://api.cloudnode.pro/v4");
  });

  it("GET /auth/check returns the spec example, with no request violation", async () => {
    const client = createClient({ baseUrl, token: "token_8aKq2sV1xPzR" });
    const { data, error, response } = await client.GET("/auth/check");
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(example("AuthCheckToken"));
  });

  it("without a token, answers 401 with the seed's err_unauthorised body", async () => {
    const client = createClient({ baseUrl });
    const { data, error, response } = await client.GET("/auth/check");
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toEqual({
      code: "err_unauthorised",
      title: "Authentication credentials are missing",
      message:
        "You did not provide an API key or it was invalid. Please provide your API key in the Authorization header, using e.g. 'Authorization: Bearer YOUR_API_KEY'",
    });
  });
});
