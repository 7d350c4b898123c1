// The simulator in process (`createMock()` of `<api>/mock`) for any API, from the model alone: the
// stateful suite through mock.client(), Prism judging with no port; the manual clock (a 60 s action
// waited for at once); latency and seeded faults (reset, timeout, 503, 429) and the SDK's retries
// carrying a 200-call create/list/delete flow through them with no duplicate; MSW's setupServer
// answering a plain client at the API's real base URL.
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { envNames } from "@repo/model";
import type { MockRequest } from "@repo/mock-server";
import { probeOperation, type Json, type SdkPackage, type SuiteOperation } from "./package.js";
import { itemOfAnswer, resourcesOf, statefulMockSuite } from "./stateful-suite.js";

type AnyClass = new (...args: any[]) => object;
type Method = ((params?: Json, options?: Json) => Promise<any> & { wait?: (options?: Json) => Promise<any> }) & {};

export interface InProcessMock {
  url: string;
  fetch: typeof globalThis.fetch;
  client(options?: Json): object;
  readonly handlers: unknown[];
  readonly requests: MockRequest[];
  clock: { mode: string; now(): number; advance(by: number | string): number };
  inject(faults?: Json): void;
  reset(): void;
  engine: { items(resource: string): Json[] };
}

export interface InProcessSuiteOptions {
  createMock: (options?: Json) => Promise<InProcessMock>;
  /** The package's own exports: the client and the errors a call rejects with. */
  sdk: { ApiClient: AnyClass; ApiError: AnyClass; ConnectionError: AnyClass; TimeoutError: AnyClass };
  token: string;
}

const methodOf = (client: object, op: SuiteOperation): Method => ((op.namespace ? (client as Json)[op.namespace] : client) as Json)[op.name] as Method;
const faultsOf = (requests: MockRequest[]) => requests.map((request) => request.fault);

export function inProcessMockSuite(pkg: SdkPackage, options: InProcessSuiteOptions): void {
  const { createMock, sdk, token } = options;
  const probe = probeOperation(pkg);
  const ops = pkg.model.operations;
  const resources = resourcesOf(pkg);
  /**
   * A resource the SDK can create, list and delete: the 200-call flow's. Its create must declare an
   * idempotency key: the SDK retries a POST only with one (a create without it fails on the first fault,
   * by design), so an API without such a create runs the flow on its probe read instead.
   */
  const flow = resources.find((resource) => resource.list && resource.remove && resource.create.idempotencyHeader);
  /** An operation that starts long-running work and needs no key, or one of a resource with a seeded item. */
  const waiting = ops.find((op) => op.wait && op.mock?.role === "create") ?? ops.find((op) => op.wait && op.mock?.resource);

  statefulMockSuite(pkg, {
    startMock: async (mockOptions) => Object.assign(await createMock(mockOptions), { stop: async () => {} }),
    token,
    host: "in process",
  });

  describe(`${pkg.name}/mock createMock()`, () => {
    it("answers through mock.fetch and mock.client() at the API's base URL, with no port, every answer judged by Prism", async () => {
      const mock = await createMock();
      expect(mock.url).toBe(String(pkg.spec.servers[0].url).replace(/\/+$/, ""));
      const client = mock.client({ token });
      expect(client).toBeInstanceOf(sdk.ApiClient);
      const { response } = await (client as any).request(probe.operationId, probe.exampleParams);
      expect(response.ok).toBe(true);
      // a request without credentials to a secured operation: Prism's security check, the spec's 401
      if (probe.security.length && !/\{/.test(probe.path)) {
        const bare = await mock.fetch(`${mock.url}${probe.path}`);
        expect(bare.status).toBe(401);
      }
      expect(mock.requests.length).toBeGreaterThan(0);
      expect(mock.requests.flatMap((request) => request.violations.filter((v) => v.side === "response"))).toEqual([]);
      mock.reset();
      expect(mock.requests).toEqual([]);
    });

    it('the manual clock moves only when told: advance(ms | "30s"), and bad input is one clear error', async () => {
      const mock = await createMock({ clock: "manual" });
      const start = mock.clock.now();
      expect(mock.clock.now()).toBe(start);
      expect(mock.clock.advance("30s")).toBe(start + 30_000);
      expect(mock.clock.advance(250)).toBe(start + 30_250);
      expect(() => mock.clock.advance("soon")).toThrow(/a string such as "30s"/);
    });

    if (waiting) {
      it(`${waiting.operationId}(…).wait() with a 60 s action returns at once on the manual clock, and the work completes when the clock passes it`, async () => {
        const mock = await createMock({ clock: "manual", actionDuration: 60_000 });
        const client = mock.client({ token });
        const resource = waiting.mock?.resource ?? "";
        const key = (pkg.model.resources as Json)[resource]?.keyParam as string | undefined;
        const seeded = key && waiting.mock?.role !== "create" ? mock.engine.items(resource)[0] : undefined;
        const params = seeded ? { ...waiting.exampleParams, [key!]: seeded[(pkg.model.resources as Json)[resource].keyField] } : waiting.exampleParams;
        const start = mock.clock.now();
        const done = await methodOf(client, waiting)(params).wait!();
        expect(waiting.wait!.done).toContain(done[waiting.wait!.field]);
        expect(mock.clock.now() - start).toBeGreaterThanOrEqual(60_000);

        // the same work, polled by hand: still running until the clock passes its duration
        const first = await methodOf(client, waiting)(params);
        const poll = ops.find((op) => op.operationId === waiting.wait!.poll)!;
        const read = () => methodOf(client, poll)({ [waiting.wait!.param]: first[waiting.wait!.from] });
        expect(waiting.wait!.done).not.toContain((await read())[waiting.wait!.field]);
        mock.clock.advance("61s");
        expect(waiting.wait!.done).toContain((await read())[waiting.wait!.field]);
      });
    }

    it("latency per operationId runs on the mock's clock and is recorded", async () => {
      const mock = await createMock({ clock: "manual", latency: { [probe.operationId]: 30_000, "*": 0 } });
      const start = mock.clock.now();
      await (mock.client({ token }) as any).request(probe.operationId, probe.exampleParams);
      expect(mock.clock.now() - start).toBe(30_000);
      expect(mock.requests[0]!.latency).toBe(30_000);
      await expect(createMock({ latency: { "no.such.operation": 5 } })).rejects.toThrow(/no operation "no\.such\.operation"/);
    });

    it("faults: a 503 with Retry-After, a dropped connection, an answer that never comes, each recorded; retries carry a burst of 503s", async () => {
      const mock = await createMock({ faults: { next: 1, kinds: [503] } });
      const call = (clientOptions: Json = {}) => (mock.client({ token, ...clientOptions }) as any).request(probe.operationId, probe.exampleParams);
      const unavailable = await call().catch((error: unknown) => error);
      expect(unavailable).toBeInstanceOf(sdk.ApiError);
      expect(unavailable).toMatchObject({ status: 503, retryAfter: 1 });
      mock.inject({ next: 1, kinds: ["reset"] });
      expect(await call().catch((error: unknown) => error)).toBeInstanceOf(sdk.ConnectionError);
      mock.inject({ next: 1, kinds: ["timeout"] });
      expect(await call({ timeout: 50 }).catch((error: unknown) => error)).toBeInstanceOf(sdk.TimeoutError);
      mock.inject({ next: 3, kinds: [503, 429], retryAfter: 0 });
      const { response } = await call({ maxRetries: 3 });
      expect(response.ok).toBe(true);
      expect(faultsOf(mock.requests)).toEqual([503, "reset", "timeout", expect.anything(), expect.anything(), expect.anything(), undefined]);
      expect(faultsOf(mock.requests).slice(3, 6).every((fault) => fault === 503 || fault === 429)).toBe(true);
      await expect(createMock({ faults: { rate: 2 } })).rejects.toThrow(/faults\.rate must be a number from 0 to 1/);
      await expect(createMock({ faults: { kinds: ["flood"] } })).rejects.toThrow(/Unknown fault kind "flood"/);
    });

    it("faults are seeded: the same seed and calls give the same faults", async () => {
      const run = async (seed: number) => {
        const mock = await createMock({ faults: { rate: 0.5, seed, kinds: [500] } });
        for (let i = 0; i < 20; i++) await (mock.client({ token }) as any).request(probe.operationId, probe.exampleParams).catch(() => undefined);
        return faultsOf(mock.requests);
      };
      const [a, b, c] = [await run(7), await run(7), await run(8)];
      expect(a).toEqual(b);
      expect(a.filter(Boolean).length).toBeGreaterThan(0);
      expect(c).not.toEqual(a);
    });

    const flowTitle = flow
      ? `the SDK's retries carry a 200-call ${flow.create.operationId} → ${flow.list!.operationId} → ${flow.remove!.operationId} flow through a 10 % fault rate: no duplicate, no unhandled rejection`
      : `the SDK's retries carry 200 calls of ${probe.operationId} through a 10 % fault rate, no unhandled rejection`;
    it(flowTitle, async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on("unhandledRejection", onUnhandled);
      try {
        const mock = await createMock({ clock: "manual", faults: { rate: 0.1, seed: 24, kinds: ["reset", "timeout", 503, 429] } });
        // backoff and Retry-After run on the mock's clock; a held answer ("timeout") gives up after 300 ms of real time
        const client = mock.client({ token, maxRetries: 8, timeout: 300 });
        if (!flow) {
          for (let i = 0; i < 200; i++) await methodOf(client, probe)(probe.exampleParams);
        } else {
          const keyOf = (item: Json) => item[flow.keyField];
          const before = mock.engine.items(flow.name).map(keyOf);
          const listParams = Object.fromEntries(flow.list!.parameters.filter((p) => p.required).map((p) => [p.name, flow.list!.exampleParams[p.name]]));
          let gone = 0;
          while (mock.requests.length < 200) {
            const created = await methodOf(client, flow.create)(flow.create.exampleParams);
            const listed = await methodOf(client, flow.list!)(listParams);
            expect(JSON.stringify(listed)).toContain(JSON.stringify(keyOf(created)));
            // a delete whose answer was lost ("timeout") was carried out: its retry finds the item gone
            await methodOf(client, flow.remove!)({ ...flow.remove!.exampleParams, [flow.keyParam]: keyOf(created) }).catch((error: { status?: number }) => {
              if (error.status !== 404) throw error;
              gone += 1;
            });
          }
          // every create that was carried out twice (a retry after a lost answer) would have left an item behind
          expect(mock.engine.items(flow.name).map(keyOf)).toEqual(before);
          const lostCreates = mock.requests.filter((request) => request.operationId === flow.create.operationId && request.fault === "timeout");
          expect(lostCreates.length, "the seeded run loses the answer of at least one create").toBeGreaterThan(0);
          expect(gone).toBe(mock.requests.filter((request) => request.operationId === flow.remove!.operationId && request.fault === "timeout").length);
        }
        const faults = faultsOf(mock.requests).filter(Boolean);
        expect(faults.length).toBeGreaterThanOrEqual(10);
        expect(new Set(faults)).toEqual(new Set(["reset", "timeout", 503, 429]));
        expect(mock.requests.flatMap((request) => request.violations.filter((v) => v.side === "response"))).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(unhandled).toEqual([]);
      } finally {
        process.off("unhandledRejection", onUnhandled);
      }
    });
  });

  describe(`${pkg.name}/mock handlers with MSW's setupServer`, () => {
    const envName = envNames(pkg.name).baseUrl;
    const saved = process.env[envName];
    let stop = () => {};
    afterEach(() => {
      stop();
      if (saved === undefined) delete process.env[envName];
      else process.env[envName] = saved;
    });

    it("a plain `new ApiClient(token)` at the API's real base URL is answered by the simulator, stateful", async () => {
      delete process.env[envName];
      const mock = await createMock();
      const server = setupServer(...(mock.handlers as Parameters<typeof setupServer>));
      server.listen({ onUnhandledRequest: "error" });
      stop = () => server.close();
      const client = new sdk.ApiClient(token);
      expect((client as { baseUrl: string }).baseUrl).toBe(mock.url);
      const { response } = await (client as any).request(probe.operationId, probe.exampleParams);
      expect(response.ok).toBe(true);
      const resource = resources.find((r) => r.list);
      if (resource) {
        const created = itemOfAnswer(resource, await methodOf(client, resource.create)(resource.create.exampleParams));
        const listParams = Object.fromEntries(resource.list!.parameters.filter((p) => p.required).map((p) => [p.name, resource.list!.exampleParams[p.name]]));
        expect(JSON.stringify(await methodOf(client, resource.list!)(listParams))).toContain(JSON.stringify(created[resource.keyField]));
      }
      expect(mock.requests.length).toBeGreaterThan(0);
      expect(mock.requests.flatMap((request) => request.violations)).toEqual([]);
    });
  });
}
