import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { ApiClient, ApiError, AuthenticationError, BadRequestError, NotFoundError } from "../src/index.js";

const spec = JSON.parse(readFileSync(new URL("../generated/openapi.json", import.meta.url), "utf8"));
const example = (name: string) => spec.components.examples[name].value;
const key = "cn_test_4eC39HqLyjWDarjtT1zdp7dc";

describe("cloudnexus ApiClient against the Prism mock", () => {
  const baseUrl = inject("mockUrl");
  const client = new ApiClient(key, { baseUrl });

  it("client.me() resolves to the typed body", async () => {
    expect(await client.me()).toEqual(example("Account"));
  });

  it("withResponse() gives the body and the raw Response of the same call", async () => {
    const { data, response } = await client.instances.list({ status: "running", page_size: 25 }).withResponse();
    expect(response.status).toBe(200);
    expect(new URL(response.url).searchParams.get("status")).toBe("running");
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(example("InstanceList"));
  });

  it("create takes the body's fields flat in params", async () => {
    const { data, response } = await client.instances.create(example("InstanceCreate")).withResponse();
    expect(response.status).toBe(201);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(example("InstanceCreated"));
  });

  it("a 401 throws AuthenticationError with the envelope's code, message and details", async () => {
    const error = await new ApiClient(undefined, { baseUrl }).me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(ApiError);
    const body = example("ErrorUnauthorized");
    expect(error).toMatchObject({ status: 401, code: body.error.code, message: expect.stringContaining(body.error.message) });
    expect((error as ApiError).details).toEqual(body.error.details);
    expect((error as ApiError).body).toEqual(body);
  });

  it("prefer asks the mock for another scenario (400 → BadRequestError)", async () => {
    const error = await client.instances.list({}, { prefer: { code: 400 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    const body = example("ErrorValidation").error;
    expect((error as ApiError).code).toBe(body.code);
    // the message says what to fix: the API's message, each field's problem and the request id
    const [detail] = body.details;
    expect((error as ApiError).message).toBe(`400 ${body.code}: ${body.message} (${detail.field}: ${detail.reason}) (request id ${body.request_id})`);
  });

  it("all() iterates the items of every page", async () => {
    const items = [];
    for await (const instance of client.instances.list.all({ status: "running" })) items.push(instance);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toEqual(example("InstanceList").instances[0]);
  });

  it("POSTs carry a generated Idempotency-Key (the spec declares it); an explicit one wins", async () => {
    const sent: (string | null)[] = [];
    const observe: typeof fetch = (input, init) => {
      sent.push(new Headers(init?.headers).get("idempotency-key"));
      return fetch(input, init);
    };
    const observed = new ApiClient(key, { baseUrl, fetch: observe });
    const { response } = await observed.instances.reboot({ id: "inst_29f8b3a1" }).withResponse();
    expect(response.headers.get("sl-violations")).toBeNull();
    await observed.instances.reboot({ id: "inst_29f8b3a1" }, { idempotencyKey: "reboot-1" });
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]).toBe("reboot-1");
  });

  it("the Response carries the request id and rate-limit headers; errors carry the request id", async () => {
    const { response } = await client.instances.get({ id: "inst_29f8b3a1" }).withResponse();
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(response.headers.get("x-ratelimit-remaining")).toBeTruthy();
    const error = await client.instances.get({ id: "inst_29f8b3a1" }, { prefer: { code: 404 } }).catch((e: ApiError) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as ApiError).requestId).toMatch(/\S/);
  });

  it("request() calls an operation by its operationId", async () => {
    const { data, response } = await client.request("instances.list", { region: "us-east-1" });
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data).toEqual(example("InstanceList"));
  });

  it("raw is the typed openapi-fetch client with the same credentials", async () => {
    const { data, response } = await client.raw.GET("/me");
    expect(response.status).toBe(200);
    expect(data).toEqual(example("Account"));
  });

  it("reads the key from CLOUDNEXUS_TOKEN when none is passed", async () => {
    process.env.CLOUDNEXUS_TOKEN = key;
    try {
      expect(await new ApiClient(undefined, { baseUrl }).me()).toEqual(example("Account"));
    } finally {
      delete process.env.CLOUDNEXUS_TOKEN;
    }
  });
});
