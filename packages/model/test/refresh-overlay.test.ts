// refreshedOverlay (overlay.ts): `pnpm new-api <api> --from <file> --refresh` keeps the names the overlay
// holds for operations upstream still has (a rename of the user's stays), names new operations, drops the
// names of removed ones, and leaves every other action and every comment as it was.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { deriveNames, namesOverlay, refreshedOverlay } from "../src/build/index.js";

const ok = { 200: { description: "OK" } };
const spec = (paths: Record<string, Record<string, { operationId: string; tags?: string[] }>>) => ({
  openapi: "3.1.0",
  info: { title: "Shop", version: "1" },
  paths: Object.fromEntries(Object.entries(paths).map(([path, item]) => [path, Object.fromEntries(Object.entries(item).map(([method, op]) => [method, { ...op, responses: ok }]))])),
});
const before = spec({
  "/pets": { get: { operationId: "listPets", tags: ["pets"] }, post: { operationId: "addPet", tags: ["pets"] } },
  "/pets/{id}/photo": { get: { operationId: "getPetPhoto", tags: ["pets"] } },
});
const after = spec({
  "/pets": { get: { operationId: "listPets", tags: ["pets"] }, post: { operationId: "addPet", tags: ["pets"] } },
  "/toys": { get: { operationId: "listToys", tags: ["toys"] } },
});

/** The overlay new-api wrote for `before`, then edited by its user: a rename (with a comment) and a fix. */
function edited(): string {
  return `${namesOverlay("Shop", deriveNames(before)).replace("operationId: pets.add", "operationId: pets.adopt # ours")}  - target: $.info
    description: our fix
    update:
      x-audience: internal
`;
}

describe("refreshedOverlay", () => {
  it("keeps the user's names and other actions, names new operations, drops the removed ones", () => {
    const result = refreshedOverlay(edited(), deriveNames(after));
    expect(result.kept).toBe(2);
    expect(result.added).toEqual(["GET /toys → toys.list"]);
    expect(result.dropped).toEqual(["$.paths['/pets/{id}/photo'].get (was named pets.getPetPhoto)"]);
    const actions = parse(result.text).actions as Array<{ target: string; update: Record<string, unknown> }>;
    expect(actions.map((action) => [action.target, action.update])).toEqual([
      ["$.paths['/pets'].get", { operationId: "pets.list" }],
      ["$.paths['/pets'].post", { operationId: "pets.adopt" }],
      ["$.info", { "x-audience": "internal" }],
      ["$.paths['/toys'].get", { operationId: "toys.list" }],
    ]);
    expect(result.text).toContain("pets.adopt # ours"); // comments stay
    expect(result.text.startsWith("# This API's adaptations")).toBe(true);
  });

  it("changes nothing when upstream did not change", () => {
    const text = edited();
    expect(refreshedOverlay(text, deriveNames(before))).toEqual({ text, kept: 3, added: [], dropped: [] });
  });

  it("says what is wrong with an overlay it cannot read", () => {
    expect(() => refreshedOverlay("actions: [\n", deriveNames(after))).toThrow(/^is not valid YAML: /);
    expect(() => refreshedOverlay("overlay: 1.0.0\n", deriveNames(after))).toThrow(/has no `actions` list/);
  });
});
