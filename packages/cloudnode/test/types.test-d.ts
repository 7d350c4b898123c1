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
