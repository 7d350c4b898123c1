// answers.ts: Prism's `Prefer` scenarios answer the spec's own example, with this request's id.
import { describe, expect, it } from "vitest";
import { INSTANCE, nexus, setup } from "./harness.js";

describe("answers", () => {
  it("Prefer: code=404 answers the spec's 404 example", () => {
    const { call } = setup();
    const answer = call(`GET /instances/${INSTANCE}`, { headers: { prefer: "code=404" } });
    expect(answer.status).toBe(404);
    const example = nexus.components.examples.ErrorNotFound.value;
    expect(answer.body).toEqual({ error: { ...example.error, request_id: answer.headers["X-Request-Id"] } });
  });
});
