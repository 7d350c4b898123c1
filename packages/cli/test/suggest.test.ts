// "Did you mean …?" for mistyped commands and flags (src/suggest.ts).
import { describe, expect, it } from "vitest";
import { suggest } from "../src/suggest.js";

describe("did you mean", () => {
  it.each([
    ["instances/lst", ["instances/list", "instances/get"], "instances/list"],
    ["--stats", ["--status", "--page"], "--status"],
    ["zzz", ["instances/list"], undefined],
  ])("%s among %j → %s", (input, candidates, best) => expect(suggest(input, candidates)[0]).toBe(best));
});
