// OpenAPI's default parameter styles, as openapi-fetch serializes them (the raw client and the SDK
// must put the same URL on the wire).
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { fillPath, serializeQuery } from "../src/serialize.js";

describe("URL serialization matches openapi-fetch's defaults", () => {
  it.each([
    ["primitives", "/items/{id}", { id: "a b/c" }, { q: "x&y", n: 2, yes: true }],
    ["arrays (form, exploded)", "/items/{id}", { id: 7 }, { tag: ["a", "b c"] }],
    ["objects (deepObject)", "/items", {}, { filter: { name: "web", size: 2 } }],
    ["empty and null values are left out", "/items", {}, { a: undefined, b: null, c: "" }],
  ] as const)("%s", (_name, template, path, query) => {
    const search = serializeQuery(query);
    const ours = `http://h${fillPath(template, path)}${search ? `?${search}` : ""}`;
    const theirs = createFinalURL(template, {
      baseUrl: "http://h",
      params: { path, query },
      querySerializer: createQuerySerializer(),
      pathSerializer: defaultPathSerializer,
    });
    expect(new URL(ours).pathname).toBe(new URL(theirs).pathname);
    expect([...new URL(ours).searchParams]).toEqual([...new URL(theirs).searchParams]);
  });
});
