// Where an error's code, message and title come from: the spec's error schema (the model's errorShape),
// else, for a spec that declares none, the fields most APIs use.
import { describe, expect, it } from "vitest";
import { readErrorFields } from "../src/errors.js";

const response = new Response(null, { status: 400 });

describe("readErrorFields", () => {
  it("reads the declared fields, and only them, when the spec declares an error schema", () => {
    const shape = { path: ["error"], code: "code", message: "message" };
    expect(readErrorFields(shape, { error: { code: "bad", message: "Bad input" }, detail: "ignored" }, response)).toMatchObject({ code: "bad", message: "Bad input", title: undefined });
    expect(readErrorFields(shape, { detail: "not where the spec says" }, response).message).toBeUndefined();
  });

  it.each([
    ["`message` at the top", { code: "E1", message: "Top message" }, { code: "E1", message: "Top message" }],
    ["RFC 9457 problem details", { type: "about:blank", title: "Bad Request", detail: "name is required" }, { message: "name is required", title: "Bad Request" }],
    ["an `error` string", { error: "invalid_token" }, { message: "invalid_token" }],
    ["an `error` object", { error: { code: "E2", message: "Nested message" } }, { code: "E2", message: "Nested message" }],
  ])("a spec without an error schema: %s", (_name, body, want) => {
    expect(readErrorFields({}, body, response)).toMatchObject(want);
  });
});
