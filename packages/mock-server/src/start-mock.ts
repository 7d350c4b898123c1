// The `startMock()` each SDK package ships in its `<api>/mock` entry: the stateful mock of the spec
// that ships with the package (or, with `mode: "static"`, Prism serving its examples), plus a client of
// that SDK pointed at it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Fixtures, RateLimitOptions } from "@repo/mock-engine";
import type { MockClock } from "./clock.js";
import type { Exchange } from "./exchange-recorder.js";
import type { FaultOptions } from "./faults.js";
import type { LatencyOptions } from "./latency.js";
import { startPrism, type PrismOptions } from "./prism.js";
import { startStatefulMock } from "./stateful.js";

export interface StartMockOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Host to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /**
   * "stateful" (default): what you create, change and delete is remembered, lists filter and page,
   * actions complete; every answer is still validated by Prism. "static": Prism answers each request
   * with the spec's example, whatever was sent.
   */
  mode?: "stateful" | "static";
  /** Static mode only: generate responses from the schemas instead of serving the spec's examples. */
  dynamic?: boolean;
  /**
   * The initial state: fixtures per resource (`{ instances: [...] }`, validated against the spec; they
   * replace the spec's examples of that resource), or a number that picks the sequence of generated ids.
   */
  seed?: number | Fixtures;
  /** Accept only these credentials (tokens or session cookies); any other gets the spec's 401. */
  tokens?: readonly string[];
  /** How long an action runs before it completes, in ms (default: the spec's `x-effect.duration`, else 1000). */
  actionDuration?: number;
  /** Actions of these types (e.g. `["resize"]`) end `errored` (failed) instead of completing, with no effect. */
  failActions?: readonly string[];
  /** Enforce a rate limit per credential: a 429 with Retry-After once it is spent (default: count, never refuse). */
  rateLimit?: number | RateLimitOptions;
  /** Answer requests that break the spec with a 422 listing the violations instead of the spec's 400. */
  strict?: boolean;
  /** How long to wait for Prism to answer, in ms (default 30 000). */
  startTimeout?: number;
  /** Stateful mode: how long each answer takes, in ms or `{ min, max }`, for every call or per operationId (`"*"`: the rest). */
  latency?: LatencyOptions;
  /** Stateful mode: faults to answer with, seeded (`{ rate: 0.1, kinds: ["reset", 503], seed: 7 }` or `{ next: 3 }`). */
  faults?: FaultOptions;
  /** Stateful mode: "manual" stops time until `mock.clock.advance()` (default "real"). */
  clock?: "real" | "manual";
}

/** One request the mock answered, as `mock.requests` lists them. */
export type MockRequest = Exchange;

export interface MockServer<Client, ClientOptions> {
  /** Base URL of the mock, e.g. http://127.0.0.1:43121. */
  url: string;
  port: number;
  /** Prism's process id. */
  pid: number;
  /** A client of this SDK pointed at the mock (with a placeholder token unless you pass one). */
  client(options?: ClientOptions): Client;
  /** Every request answered so far, in order: method, path, operationId, status, spec violations. */
  readonly requests: MockRequest[];
  /** Back to the initial state (seeds, id sequence) and an empty `requests`. */
  reset(): void;
  /** Stops the mock and waits until Prism has exited. Safe to call twice. */
  stop(): Promise<void>;
  /** Stateful mode: faults from now on, replacing those of the options; no argument stops them. */
  inject(faults?: FaultOptions): void;
  /** Stateful mode: the simulator's time (`mock.clock.advance("30s")`). */
  readonly clock: MockClock | undefined;
}

/** Starts the mock of `specFile` (its model is the `model.json` next to it) and wires `makeClient` to its URL. */
export async function startMockServer<Client, ClientOptions>(
  specFile: string | URL,
  makeClient: (url: string, options?: ClientOptions) => Client,
  options: StartMockOptions = {},
): Promise<MockServer<Client, ClientOptions>> {
  const file = typeof specFile === "string" ? specFile : fileURLToPath(specFile);
  if (!existsSync(file)) {
    throw new Error(`The spec this mock serves is missing (${file}); reinstall the package or rebuild it.`);
  }
  const requests: MockRequest[] = [];
  const served = (
    server: { url: string; port: number; pid: number; stop(): Promise<void> },
    resetState: () => void,
    simulator?: { clock: MockClock; inject(faults?: FaultOptions): void },
  ): MockServer<Client, ClientOptions> => ({
    url: server.url,
    port: server.port,
    pid: server.pid,
    client: (clientOptions) => makeClient(server.url, clientOptions),
    requests,
    reset: () => {
      resetState();
      requests.splice(0);
    },
    stop: server.stop,
    clock: simulator?.clock,
    inject: (faults) => {
      if (!simulator) throw new Error("Faults need the stateful mock (leave out mode: \"static\").");
      simulator.inject(faults);
    },
  });
  if (options.mode === "static" || options.dynamic) {
    const prismOptions: PrismOptions = {};
    if (options.port !== undefined) prismOptions.port = options.port;
    if (options.host !== undefined) prismOptions.host = options.host;
    if (options.dynamic) prismOptions.dynamic = true;
    if (options.strict) prismOptions.errors = true;
    if (options.startTimeout !== undefined) prismOptions.startTimeout = options.startTimeout;
    const prism = await startPrism(file, prismOptions);
    return served(prism, () => {});
  }
  const mock = await startStatefulMock({
    specFile: file,
    model: file.replace(/openapi\.json$/, "model.json"),
    port: options.port,
    host: options.host,
    strict: options.strict,
    seed: options.seed,
    tokens: options.tokens,
    actionDuration: options.actionDuration,
    failActions: options.failActions,
    rateLimit: options.rateLimit,
    latency: options.latency,
    faults: options.faults,
    clock: options.clock,
    onExchange: (exchange) => requests.push(exchange),
  });
  return served(mock, () => mock.simulator.reset(), mock.simulator);
}

/** The SDK constructor a mock entry hands out clients of: `new ApiClient(token, options)`. */
export type SdkClientClass<Client, Options> = new (token?: string, options?: Options) => Client;

/** Options of `mock.client()`: the client's options, plus a token (a placeholder by default). */
export type MockClientOptions<Options> = Options & { token?: string | undefined };

/**
 * Makes the `startMock()` of one SDK's `<api>/mock` entry: the mock of the spec the package ships, and
 * `mock.client()` giving that SDK's client with a placeholder token (any well-formed one is accepted
 * unless `tokens` says otherwise) and no retries (an asked-for 429 should fail at once).
 */
export function sdkMock<Client, Options extends { maxRetries?: number; baseUrl?: string; overrideOperationServers?: boolean }>(
  specFile: string | URL,
  ClientClass: SdkClientClass<Client, Options>,
) {
  return (options: StartMockOptions = {}): Promise<MockServer<Client, MockClientOptions<Options>>> =>
    startMockServer<Client, MockClientOptions<Options>>(
      specFile,
      (url, { token = options.tokens?.[0] ?? "mock-token", ...clientOptions } = {} as MockClientOptions<Options>) =>
        // the mock serves every operation, also those the spec sends to a server of their own
        new ClientClass(token, { maxRetries: 0, overrideOperationServers: true, ...clientOptions, baseUrl: url } as Options),
      options,
    );
}
