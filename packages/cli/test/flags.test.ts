// The flags of a command, derived from its operation (src/flags.ts): their names, kinds and prefixes.
import { describe, expect, it } from "vitest";
import { kebabCase, operationFlags } from "../src/index.js";
import { rename, update } from "./helpers/widgetco.js";

describe("flags derived from an operation", () => {
  it.each([
    ["page_size", "page-size"],
    ["sshKeys", "ssh-keys"],
    ["X-Trace-Id", "x-trace-id"],
    ["ipv4", "ipv4"],
  ])("kebabCase(%s) = %s", (name, flag) => expect(kebabCase(name)).toBe(flag));

  it("a flag named like a global flag, or like a parameter, is prefixed with its location; readOnly fields are left out", () => {
    expect(operationFlags(update).map((f) => [f.flag, f.kind])).toEqual([
      ["id", "string"],
      ["query-include", "boolean"],
      ["x-trace-id", "string"],
      ["name", "string"],
      ["count", "integer"],
      ["ratio", "number"],
      ["enabled", "boolean"],
      ["tags", "array"],
      ["sizes", "array"],
      ["labels", "json"],
      ["size", "string"],
    ]);
    expect(operationFlags(rename).map((f) => f.flag)).toEqual(["name", "body-name"]);
  });
});
