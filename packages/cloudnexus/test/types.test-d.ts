import { expectTypeOf, test } from "vitest";
import { createClient, type components } from "../src/index.js";

const client = createClient({ baseUrl: "http://127.0.0.1:1" });

test("results are typed from the spec", async () => {
  const { data } = await client.GET("/instances");
  expectTypeOf(data!.instances[0]!).toEqualTypeOf<components["schemas"]["Instance"]>();
});

test("a wrong query parameter fails to compile", () => {
  // @ts-expect-error "paused" is not an instance status
  void client.GET("/instances", { params: { query: { status: "paused" } } });
  // @ts-expect-error "limit" is not a query parameter (the spec says page_size)
  void client.GET("/instances", { params: { query: { limit: 10 } } });
});

test("a wrong body field fails to compile", () => {
  void client.POST("/instances", {
    // @ts-expect-error "size" is not a field of InstanceCreate
    body: { name: "web-1", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04", size: 4 },
  });
  // @ts-expect-error the required "image" is missing
  void client.POST("/instances", { body: { name: "web-1", plan: "standard-4", region: "eu-west-1" } });
});

// ---- ApiClient: methods, params and results typed from the generated operations ----
import { ApiClient, type ApiPromise, type operations } from "../src/index.js";

const sdk = new ApiClient("cn_test_key", { baseUrl: "http://127.0.0.1:1" });
type Instance = components["schemas"]["Instance"];

test("methods return ApiPromises of the 2xx body", () => {
  expectTypeOf(sdk.instances.get({ id: "inst_1" })).toEqualTypeOf<ApiPromise<Instance>>();
  expectTypeOf(sdk.instances.list()).toEqualTypeOf<ApiPromise<components["schemas"]["InstanceList"]>>();
  expectTypeOf(sdk.me).returns.resolves.toEqualTypeOf<operations["me"]["responses"][200]["content"]["application/json"]>();
});

test("withResponse() gives the typed data and the Response", async () => {
  const { data, response } = await sdk.instances.create({ name: "w", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" }).withResponse();
  expectTypeOf(data).toEqualTypeOf<Instance>();
  expectTypeOf(response).toEqualTypeOf<Response>();
});

test("params are one flat object: path + query + body fields", () => {
  void sdk.instances.update({ id: "inst_1", name: "web-2" });
  void sdk.instances.list({ status: "running", page_size: 25 });
  // the Idempotency-Key header the spec declares is optional: the SDK generates one
  void sdk.instances.create({ name: "w", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" });
  void sdk.instances.create({ name: "w", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04", "Idempotency-Key": "k" });
});

test("wrong params fail to compile", () => {
  // @ts-expect-error "paused" is not an instance status
  void sdk.instances.list({ status: "paused" });
  // @ts-expect-error "limit" is not a parameter (the spec says page_size)
  void sdk.instances.list({ limit: 10 });
  // @ts-expect-error the path parameter "id" is required
  void sdk.instances.get({});
  // @ts-expect-error params are required when the operation has required inputs
  void sdk.instances.get();
  // @ts-expect-error the required "image" is missing
  void sdk.instances.create({ name: "w", plan: "standard-4", region: "eu-west-1" });
  // @ts-expect-error "instances.lsit" is not an operation
  void sdk.instances.lsit();
});

test("paginated lists have all() over typed items and pages()", () => {
  expectTypeOf(sdk.instances.list.all({ status: "running" })).toEqualTypeOf<AsyncIterableIterator<Instance>>();
  expectTypeOf(sdk.instances.list.pages()).toEqualTypeOf<AsyncIterableIterator<components["schemas"]["InstanceList"]>>();
  // @ts-expect-error instances.get is not a list
  void sdk.instances.get.all;
});

test("request options are typed", () => {
  void sdk.me(undefined, { timeout: 1000, maxRetries: 0, prefer: { code: 401 }, signal: AbortSignal.timeout(10) });
  // @ts-expect-error "retries" is not a request option
  void sdk.me(undefined, { retries: 3 });
});

test("request() and raw stay available", () => {
  expectTypeOf(sdk.request("instances.list")).resolves.toEqualTypeOf<{ data: unknown; response: Response }>();
  expectTypeOf(sdk.raw.GET).toBeFunction();
});

// ---- .wait(): only where the spec declares long-running work, resolving with the right type ----
test(".wait() exists on the operations that start long-running work, with their result type", () => {
  expectTypeOf(sdk.instances.create).returns.toHaveProperty("wait");
  expectTypeOf(sdk.instances.reboot({ id: "inst_1" }).wait()).resolves.toEqualTypeOf<components["schemas"]["Action"]>();
  expectTypeOf(sdk.instances.create({ name: "w", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" }).wait()).resolves.toEqualTypeOf<components["schemas"]["Instance"]>();
  // @ts-expect-error instances.get starts no work: its promise has no wait()
  void sdk.instances.get({ id: "inst_1" }).wait;
  // @ts-expect-error sshKeys.create is synchronous
  void sdk.sshKeys.create({ name: "k", public_key: "ssh-ed25519 AAAA" }).wait;
});
