// The simulator in process, for Node (vitest, Jest, node:test, Bun, Deno): `createMock()` gives a
// standard fetch answered by the engine and judged by Prism's validators, an SDK client wired to it,
// MSW handlers, the recorded requests and the clock. No server, no port, nothing to stop.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Engine, EngineModel } from "@repo/mock-engine";
import { createClock, type MockClock } from "./clock.js";
import { simulatorFetch, serverUrls } from "./fetch-host.js";
import type { FaultOptions } from "./faults.js";
import { loadJudge } from "./judge.js";
import { mswHandlers, type MswModule } from "./msw-handlers.js";
import type { SimulatorOptions } from "./simulator.js";
import { createSimulator } from "./simulator.js";
import type { MockRequest, StartMockOptions } from "./start-mock.js";

export interface CreateMockOptions extends Pick<StartMockOptions, "seed" | "tokens" | "actionDuration" | "failActions" | "rateLimit" | "strict">, Pick<SimulatorOptions, "latency" | "faults"> {
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
  readonly requests: MockRequest[];
  /** The simulator's time: `mock.clock.advance("30s")`. */
  readonly clock: MockClock;
  /** Faults from now on (`{ next: 3, kinds: [503] }`), replacing those of the options; no argument stops them. */
  inject(faults?: FaultOptions): void;
  /** Back to the initial state, the fault and latency draws from their start, and an empty `requests`. */
  reset(): void;
  /** The engine itself (its stored items: `engine.items("instances")`). */
  readonly engine: Engine;
}

/** The simulator of `specFile` (its model is the `model.json` next to it), with `makeClient` wired to it. */
export async function createInProcessMock<Client, ClientOptions>(
  specFile: string | URL,
  makeClient: (wiring: { baseUrl: string; fetch: typeof globalThis.fetch; clock: MockClock }, options?: ClientOptions) => Client,
  options: CreateMockOptions = {},
): Promise<InProcessMock<Client, ClientOptions>> {
  const file = typeof specFile === "string" ? specFile : fileURLToPath(specFile);
  if (!existsSync(file)) throw new Error(`The spec this mock serves is missing (${file}); reinstall the package or rebuild it.`);
  const spec = JSON.parse(readFileSync(file, "utf8"));
  const model: EngineModel = JSON.parse(readFileSync(file.replace(/openapi\.json$/, "model.json"), "utf8"));
  const clock = createClock(options.clock);
  const judge = await loadJudge(file);
  const simulator = createSimulator(spec, model, { ...options, clock, judge });
  const servers = serverUrls(spec);
  const url = String(spec.servers?.[0]?.url ?? servers[0] ?? "http://mock.invalid").replace(/\/+$/, "");
  const requests: MockRequest[] = [];
  const host = simulatorFetch(simulator, { base: url, servers, onExchange: (exchange) => requests.push(exchange) });
  let handlers: unknown[] | undefined;
  return {
    url,
    fetch: host.fetch,
    client: (clientOptions) => makeClient({ baseUrl: url, fetch: host.fetch, clock }, clientOptions),
    get handlers() {
      return (handlers ??= mswHandlers(loadMsw(), servers, host.fetch));
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

/** msw, loaded on first use of `mock.handlers` (an optional peer: most tests never load it). */
function loadMsw(): MswModule {
  try {
    return createRequire(import.meta.url)("msw") as MswModule;
  } catch {
    throw new Error("mock.handlers needs MSW: install it next to this package (npm install -D msw@^2.15.0).");
  }
}

/**
 * Makes the `createMock()` of one SDK's `<api>/mock` entry: the simulator of the spec the package ships;
 * `mock.client()` gives that SDK's client on `mock.fetch` and the mock's clock, with a placeholder token
 * (any well-formed one is accepted unless `tokens` says otherwise) and no retries unless asked for.
 */
export function sdkCreateMock<Client, Options extends { maxRetries?: number; baseUrl?: string; fetch?: typeof globalThis.fetch; clock?: unknown }>(
  specFile: string | URL,
  ClientClass: new (token?: string, options?: Options) => Client,
) {
  return (options: CreateMockOptions = {}): Promise<InProcessMock<Client, Options & { token?: string | undefined }>> =>
    createInProcessMock<Client, Options & { token?: string | undefined }>(
      specFile,
      (wiring, { token = options.tokens?.[0] ?? "mock-token", ...clientOptions } = {} as Options & { token?: string }) =>
        new ClientClass(token, { maxRetries: 0, ...clientOptions, ...wiring } as unknown as Options),
      options,
    );
}
