import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { ApiClient, ApiError, AuthenticationError } from "../src/index.js";

const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;
const token = "token_8aKq2sV1xPzR";

describe("cloudnode ApiClient against the Prism mock", () => {
  const baseUrl = inject("mockUrl");

  it("new ApiClient(token).auth.check() resolves to the typed body (the seed's usage)", async () => {
    const apiClient = new ApiClient(token, { baseUrl });
    expect(await apiClient.auth.check()).toEqual(example("AuthCheckToken"));
  });

  it("an operationId without a dot is a method of the client itself: apiClient.check()", async () => {
    const { response } = await new ApiClient(token, { baseUrl }).check().withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
  });

  it("a session cookie authenticates too", async () => {
    const { response } = await new ApiClient(undefined, { baseUrl, session: "sess_f00" }).auth.check().withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
  });

  it("a 401 throws AuthenticationError with code, title, message and the response id", async () => {
    const error = await new ApiClient(undefined, { baseUrl }).auth.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const body = example("ErrorUnauthorised");
    expect(error).toMatchObject({ status: 401, code: body.code, title: body.title, body });
    expect((error as ApiError).message).toContain(body.message);
    expect((error as ApiError).requestId).toBe((error as ApiError).response.headers.get("x-response-id") ?? undefined);
  });

  it("reads the token from CLOUDNODE_TOKEN when none is passed", async () => {
    process.env.CLOUDNODE_TOKEN = token;
    try {
      expect(await new ApiClient(undefined, { baseUrl }).auth.check()).toEqual(example("AuthCheckToken"));
    } finally {
      delete process.env.CLOUDNODE_TOKEN;
    }
  });
});
