// `.wait()` against the stateful mock: the promise of an operation that starts long-running work
// resolves when the work is done, with the last answer polled; it fails, times out and aborts typed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ActionFailedError, TimeoutError } from "../src/index.js";
import { startMock, type RunningMock } from "../src/mock.js";

const box = { name: "waiter", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" } as const;
const id = "inst_29f8b3a1"; // the spec's example instance, seeded running
const fast = { interval: 50 };

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ actionDuration: 200, failActions: ["rebuild"] });
});
afterAll(() => mock?.stop());
afterEach(() => {
  expect(mock.requests.filter((r) => r.violations.length)).toEqual([]);
  mock.reset();
});

describe(".wait()", () => {
  it("create → wait → the running instance, in one line", async () => {
    const instance = await mock.client().instances.create(box).wait(fast);
    expect(instance).toMatchObject({ ...box, status: "running" });
    expect(mock.requests.map((r) => r.operationId)).toContain("instances.get");
  });

  it.each([
    ["stop", {}, { status: "stopped" }],
    ["reboot", {}, { status: "running" }],
    ["resize", { plan: "standard-8" }, { plan: "standard-8" }],
  ] as const)("%s → wait → the completed action, and the instance changed", async (method, body, effect) => {
    const client = mock.client();
    const action = await client.instances[method]({ id, ...body } as never).wait(fast);
    expect(action).toMatchObject({ type: method, status: "completed", error: null, resource: { id } });
    expect(await client.instances.get({ id })).toMatchObject(effect);
  });

  it("reports each snapshot to onProgress, in_progress first and completed last", async () => {
    const seen: string[] = [];
    await mock.client().instances.reboot({ id }).wait({ ...fast, onProgress: (action) => seen.push(action.status) });
    expect(seen[0]).toBe("in_progress");
    expect(seen.at(-1)).toBe("completed");
    expect(seen.length).toBeGreaterThan(2);
  });

  it("a failed action rejects with ActionFailedError carrying the action and its error code", async () => {
    const error = await mock.client().instances.rebuild({ id, image: "debian-12" }).wait(fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailedError);
    expect(error).toMatchObject({ code: "ACTION_FAILED", action: { type: "rebuild", status: "errored" } });
    expect((error as Error).message).toMatch(/^The action act_[a-z0-9]+ \(rebuild\) failed: ACTION_FAILED: /);
  });

  it("gives up after timeout with a TimeoutError naming what it waited for", async () => {
    const slow = await startMock({ actionDuration: 60_000 });
    try {
      const error = await slow.client().instances.stop({ id }).wait({ timeout: 300, interval: 50 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as Error).message).toMatch(/^Waited 0 s for the action act_[a-z0-9]+ \(stop\); it is still in_progress\./);
    } finally {
      await slow.stop();
    }
  });

  it("an abort stops waiting, not the work", async () => {
    const client = mock.client();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const waiting = client.instances.stop({ id }).wait({ ...fast, signal: controller.signal });
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await client.instances.get({ id })).status).toBe("stopped");
  });
});
