// idempotency.ts: an Idempotency-Key replays the first answer, or is a 409 for another body.
import { describe, expect, it } from "vitest";
import { createBody, INSTANCE, setup } from "./harness.js";

describe("idempotency", () => {
  it("replays the first answer for the same key, body, operation and path", () => {
    const { engine, call } = setup();
    const headers = { "idempotency-key": "key-1" };
    const first = call("POST /instances", { headers, body: createBody });
    const again = call("POST /instances", { headers, body: createBody });
    expect(again).toEqual(first);
    expect(engine.items("instances").filter((item) => item.name === "web-1")).toHaveLength(1);
  });

  it("answers 409 for the same key with another body", () => {
    const { call } = setup();
    const headers = { "idempotency-key": "key-1" };
    call("POST /instances", { headers, body: createBody });
    const conflict = call("POST /instances", { headers, body: { ...createBody, name: "web-2" } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({
      code: "CONFLICT",
      message: "The Idempotency-Key key-1 was already used with a different request body.",
      details: [{ field: "Idempotency-Key", reason: "Use a new key for a different request." }],
    });
  });

  it("is scoped per operation and per path", () => {
    const { engine, call } = setup();
    const headers = { "idempotency-key": "key-1" };
    const stop = call(`POST /instances/${INSTANCE}/actions/stop`, { headers });
    const replay = call(`POST /instances/${INSTANCE}/actions/stop`, { headers });
    const start = call(`POST /instances/${INSTANCE}/actions/start`, { headers });
    const other = call("POST /instances", { body: createBody }).body.id;
    const otherStop = call(`POST /instances/${other}/actions/stop`, { headers });
    expect(replay.body.id).toBe(stop.body.id);
    expect([start.status, otherStop.status]).toEqual([202, 202]);
    expect(new Set([stop.body.id, start.body.id, otherStop.body.id]).size).toBe(3);
    expect(otherStop.body.resource.id).toBe(other);
    expect(engine.items("actions").filter((action) => [stop.body.id, start.body.id, otherStop.body.id].includes(action.id))).toHaveLength(3);
  });
});
