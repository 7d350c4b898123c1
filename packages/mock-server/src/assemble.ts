// A simulator and its in-process hosts put together: mock.fetch, mock.client(), MSW handlers, the
// recorded requests, the clock, faults and reset(). Given the spec, the model and (in Node) Prism's
// judge; in-process.ts reads them from files, a page hands them over. No Node built-ins: runs in a page.
import type { Engine, EngineModel } from "@repo/mock-engine";
import { createClock, type MockClock } from "./clock.js";
import type { Exchange } from "./exchange-recorder.js";
import { simulatorFetch, serverUrls } from "./fetch-host.js";
import type { FaultOptions } from "./faults.js";
import type { Judge } from "./judge-core.js";
import { mswHandlers, type MswModule } from "./msw-handlers.js";
import { createSimulator, type SimulatorOptions } from "./simulator.js";

export interface CreateMockOptions extends Omit<SimulatorOptions, "clock"> {
  /** "manual": time stands still until `mock.clock.advance()`, and clients' waits move it (default "real"). */
  clock?: "real" | "manual" | undefined;
}

export interface InProcessMock<Client, ClientOptions> {
  /** The API's base URL (the spec's first server): what `mock.fetch` and `mock.client()` use. */
  readonly url: string;
  /** A standard fetch answered by the simulator; relative URLs resolve against `url`. */
  readonly fetch: typeof globalThis.fetch;
  /** A client of this SDK wired to `mock.fetch` and the mock's clock (placeholder token, no retries unless you say). */
  client(options?: ClientOptions): Client;
  /** MSW request handlers for the API's servers (needs `msw` installed): `setupServer(...mock.handlers)`. */
  readonly handlers: unknown[];
  /** Every request answered so far, in order: method, path, operationId, status, violations, fault. */
  readonly requests: Exchange[];
  /** The simulator's time: `mock.clock.advance("30s")`. */
  readonly clock: MockClock;
  /** Faults from now on (`{ next: 3, kinds: [503] }`), replacing those of the options; no argument stops them. */
  inject(faults?: FaultOptions): void;
  /** Back to the initial state, the fault and latency draws from their start, and an empty `requests`. */
  reset(): void;
  /** The engine itself (its stored items: `engine.items("instances")`). */
  readonly engine: Engine;
}

/** Puts the simulator of `spec` together with its hosts; `judge` judges every exchange when given. */
export function assembleMock<Client, ClientOptions>(
  spec: any,
  model: EngineModel,
  options: CreateMockOptions & {
    judge?: Judge | undefined;
    /** msw itself, asked for on the first use of `handlers`. */
    msw?: (() => MswModule) | undefined;
    makeClient?: ((wiring: { baseUrl: string; fetch: typeof globalThis.fetch; clock: MockClock }, options?: ClientOptions) => Client) | undefined;
  },
): InProcessMock<Client, ClientOptions> {
  const clock = createClock(options.clock);
  const simulator = createSimulator(spec, model, { ...options, clock });
  const servers = serverUrls(spec);
  const url = String(spec.servers?.[0]?.url ?? servers[0] ?? "http://mock.invalid").replace(/\/+$/, "");
  const requests: Exchange[] = [];
  const host = simulatorFetch(simulator, { base: url, servers, onExchange: (exchange) => requests.push(exchange) });
  let handlers: unknown[] | undefined;
  return {
    url,
    fetch: host.fetch,
    client: (clientOptions) => {
      if (!options.makeClient) throw new Error("This mock has no SDK client: use mock.fetch.");
      return options.makeClient({ baseUrl: url, fetch: host.fetch, clock }, clientOptions);
    },
    get handlers() {
      if (!options.msw) throw new Error("This mock was made without MSW.");
      return (handlers ??= mswHandlers(options.msw(), servers, host.fetch));
    },
    requests,
    clock,
    inject: (faults) => simulator.inject(faults),
    reset: () => {
      host.release();
      simulator.reset();
      requests.splice(0);
    },
    engine: simulator.engine,
  };
}
