import { expectTypeOf, test } from "vitest";
import { createClient, type components } from "../src/index.js";

const client = createClient({ baseUrl: "http://127.0.0.1:1" });

test("results are typed from the spec", async () => {
  const { data } = await client.GET("/auth/check");
  expectTypeOf(data).toEqualTypeOf<components["schemas"]["AuthCheck"] | undefined>();
  expectTypeOf(data!.via).toEqualTypeOf<"token" | "session">();
});

test("paths that are not in the spec fail to compile", () => {
  // @ts-expect-error "/auth/chek" is not a path of the Cloudnode spec
  void client.GET("/auth/chek");
});

// ---- ApiClient: methods, params and results typed from the generated operations ----
import { ApiClient, type ApiPromise, type RequestOptions } from "../src/index.js";

const apiClient = new ApiClient("token_abc", { baseUrl: "http://127.0.0.1:1", session: "sess" });

test("namespaced and top-level methods resolve to the typed 2xx body", () => {
  expectTypeOf(apiClient.auth.check()).toEqualTypeOf<ApiPromise<components["schemas"]["AuthCheck"]>>();
  expectTypeOf(apiClient.check).toBeFunction();
  expectTypeOf(apiClient.account.get).parameters.toEqualTypeOf<[params?: { [key: string]: never }, options?: RequestOptions]>();
});

test("unknown operations and params fail to compile", () => {
  // @ts-expect-error "auth.chek" is not an operation
  void apiClient.auth.chek();
  // @ts-expect-error auth.check takes no "verbose" parameter
  void apiClient.auth.check({ verbose: true });
  // @ts-expect-error the constructor takes the token first, then options
  void new ApiClient({ baseUrl: "x" });
});
