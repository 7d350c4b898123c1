import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { bundledSpec, listApis, startMock } from "../src/repo-mocks.js";

describe("startMock", () => {
  it("knows every API folder of spec/ (with an openapi.yaml), sorted", () => {
    const apis = listApis();
    expect(apis.length).toBeGreaterThan(0);
    expect(apis).toEqual([...apis].sort());
    for (const api of apis) expect(existsSync(new URL(`../../../spec/${api}/openapi.yaml`, import.meta.url))).toBe(true);
  });

  it("refuses an unknown API with the list of known ones", () => {
    expect(() => bundledSpec("nope")).toThrow(new RegExp(`Unknown API "nope". Known APIs: ${listApis().join(", ")}\\.`));
  });

  it.each(listApis())("%s: serves on 127.0.0.1 and a free port, and stop() frees the port", async (api) => {
    const mock = await startMock(api);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${mock.url}/__no_such_path__`);
    expect(response.status).toBe(404); // Prism answers: the route does not exist in the spec
    await mock.stop();
    await expect(fetch(mock.url)).rejects.toThrow();
    await mock.stop(); // a second stop is harmless
  });

  it.each(["stateful", "static"] as const)("%s: a taken port is one clear line, not Prism's usage text", async (mode) => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const error = await startMock("cloudnexus", { port, mode }).then(() => undefined, (e: unknown) => e as Error);
      expect(error?.message).toMatch(new RegExp(`port ${port} is already in use`));
      expect(error?.message.split("\n")).toHaveLength(1);
    } finally {
      taken.close();
    }
  });
});
