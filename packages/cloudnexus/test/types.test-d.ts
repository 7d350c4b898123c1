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
