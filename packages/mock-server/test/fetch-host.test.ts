// The in-process fetch when the caller gives up while the simulator is still working (a loaded machine:
// the exchange takes longer than the client's timeout). The abort event has fired by the time the
// outcome is known, so the fetch must settle from the signal's state, not wait for an event.
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { simulatorFetch, type Outcome, type Simulator } from "../src/index.js";

/** A simulator whose exchange finishes only after the caller's signal has aborted, with `outcome`. */
const slowSimulator = (outcome: Omit<Outcome, "exchange">) =>
  ({
    exchange: (_request: unknown, signal?: AbortSignal) =>
      new Promise<Outcome>((resolve) => {
        const finish = () => setTimeout(() => resolve({ ...outcome, exchange: {} } as Outcome), 0);
        if (signal!.aborted) finish();
        else signal!.addEventListener("abort", finish, { once: true });
      }),
  }) as unknown as Simulator;

describe("simulatorFetch when the caller aborts during the exchange", () => {
  it.each([
    ["a held answer (the timeout fault)", { drop: "timeout" as const }],
    ["an answer", { answer: { status: 200, headers: { "content-type": "application/json" }, body: {} } }],
  ])("%s rejects with the abort's reason instead of hanging or answering", async (_name, outcome) => {
    const { fetch } = simulatorFetch(slowSimulator(outcome), { base: "https://api.example.test", servers: ["https://api.example.test"], onExchange: () => {} });
    const controller = new AbortController();
    const reason = new Error("gave up");
    const pending = fetch("/things", { signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

describe("simulatorFetch holding an answer (the timeout fault) across a garbage collection", () => {
  it("still lets the caller's abort end it (a Request's signal follows the caller's only while the Request lives)", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const held = { exchange: async () => ({ drop: "timeout", exchange: {} }) as unknown as Outcome } as unknown as Simulator;
    const { fetch } = simulatorFetch(held, { base: "https://api.example.test", servers: ["https://api.example.test"], onExchange: () => {} });
    const controller = new AbortController();
    const reason = new Error("gave up");
    const pending = fetch("/things", { signal: controller.signal });
    const settled = pending.then(
      () => "answered",
      (error: unknown) => error,
    );
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    controller.abort(reason);
    expect(await settled).toBe(reason);
  });
});
