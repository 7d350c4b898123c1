import { describe, expect, it } from "vitest";
import { ApiPromise } from "../src/index.js";

const result = { data: { ok: true }, response: new Response("{}", { status: 201 }) };

describe("ApiPromise", () => {
  it("awaits to the data", async () => {
    expect(await new ApiPromise(Promise.resolve(result))).toEqual({ ok: true });
  });

  it("withResponse() gives data and response of the same call", async () => {
    const { data, response } = await new ApiPromise(Promise.resolve(result)).withResponse();
    expect(data).toEqual({ ok: true });
    expect(response.status).toBe(201);
  });

  it("rejects through then/catch/finally", async () => {
    const failing = () => new ApiPromise(Promise.reject(new Error("boom")));
    await expect(failing()).rejects.toThrow("boom");
    expect(await failing().catch((e: Error) => e.message)).toBe("boom");
    let ran = false;
    await expect(failing().finally(() => (ran = true))).rejects.toThrow("boom");
    expect(ran).toBe(true);
  });

  it("is a Promise whose then() returns a plain Promise", () => {
    const promise = new ApiPromise(Promise.resolve(result));
    expect(promise).toBeInstanceOf(Promise);
    expect(promise.then((d) => d)).not.toBeInstanceOf(ApiPromise);
  });
});
