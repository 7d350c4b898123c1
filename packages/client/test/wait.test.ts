// The poller behind `.wait()` and `--wait`, driven by an injected call (the operation is "answered"
// by the test): it honours what poll answers ask for (Retry-After, an exhausted rate limit) and stops
// at the deadline. The behaviour against the real mock is in packages/cloudnexus/test/wait.test.ts.
import { describe, expect, it } from "vitest";
import type { WaitDescriptor } from "@repo/model";
import { ActionFailedError, TimeoutError } from "../src/errors.js";
import { waitUntilDone, type Call } from "../src/wait.js";

const wait: WaitDescriptor = { poll: "actions.get", param: "id", from: "id", field: "status", done: ["completed"], failed: ["errored"], error: "error", what: "action" };
const running = { id: "act_1", type: "reboot", status: "in_progress", error: null };

/** A call answering `answers` in turn (with their headers), recording when each poll came. */
function polls(answers: Array<[object, Record<string, string>?]>) {
  const at: number[] = [];
  const started = Date.now();
  const call: Call = async (operationId, params) => {
    expect([operationId, params]).toEqual(["actions.get", { id: "act_1" }]);
    at.push(Date.now() - started);
    const [data, headers = {}] = answers.shift() ?? [running];
    return { data, response: new Response(null, { status: 200, headers }) };
  };
  return { call, at };
}

describe("waitUntilDone", () => {
  it("resolves with the first answer that is done", async () => {
    const { call, at } = polls([[running], [{ ...running, status: "completed" }]]);
    expect(await waitUntilDone(call, wait, running, { interval: 10 })).toMatchObject({ status: "completed" });
    expect(at).toHaveLength(2);
  });

  it("waits out a poll answer's Retry-After before the next poll", async () => {
    const { call, at } = polls([[running, { "retry-after": "1" }], [{ ...running, status: "completed" }]]);
    await waitUntilDone(call, wait, running, { interval: 10 });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(950);
  });

  it("waits for the rate limit's reset when a poll answer says none are left", async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1); // an epoch second, as CloudNexus sends it
    const { call, at } = polls([[running, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }], [{ ...running, status: "completed" }]]);
    await waitUntilDone(call, wait, running, { interval: 10 });
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(Number(reset) * 1000 - Date.now() - 1100);
    expect(at[1]! - at[0]!).toBeGreaterThan(100);
  });

  it("rejects a failed answer with ActionFailedError, and gives up at the deadline", async () => {
    const failed = { ...running, status: "errored", error: { code: "CAPACITY_UNAVAILABLE", message: "No capacity" } };
    await expect(waitUntilDone(polls([[failed]]).call, wait, running, { interval: 10 })).rejects.toMatchObject({
      constructor: ActionFailedError,
      code: "CAPACITY_UNAVAILABLE",
      message: "The action act_1 (reboot) failed: CAPACITY_UNAVAILABLE: No capacity",
    });
    await expect(waitUntilDone(polls([]).call, wait, running, { interval: 10, timeout: 100 })).rejects.toBeInstanceOf(TimeoutError);
  });
});
