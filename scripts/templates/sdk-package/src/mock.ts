// The `__NAME__/mock` entry (Node): the simulator of the spec shipped in this package, for your tests.
// In process: `const mock = await createMock(); await mock.client().<namespace>.<method>(…);` (no port,
// nothing to stop), or as MSW handlers (`setupServer(...mock.handlers)`), or behind HTTP with startMock().
import {
  sdkCreateMock,
  sdkMock,
  type CreateMockOptions,
  type InProcessMock,
  type MockClientOptions as ClientOptionsOfMock,
  type MockServer,
  type StartMockOptions,
} from "@repo/mock-server";
import { ApiClient, type ClientOptions } from "./index.js";

export { PrismMissingError, PRISM_VERSION } from "@repo/mock-server";
export type { CreateMockOptions, StartMockOptions };
export type { Duration, FaultKind, FaultOptions, LatencyOptions, MockClock, MockRequest } from "@repo/mock-server";

/** Options of `mock.client()`: the client's options, plus a token (a placeholder by default). */
export type MockClientOptions = ClientOptionsOfMock<ClientOptions>;

/** A running mock: its URL, a client pointed at it, and stop(). */
export type RunningMock = MockServer<ApiClient, MockClientOptions>;

/** The simulator in process: fetch, client(), handlers, requests, clock, inject(), reset(). */
export type Mock = InProcessMock<ApiClient, MockClientOptions>;

/**
 * The simulator of the spec this package ships, in this process: no server, no port, nothing to stop.
 * Every answer is judged by Prism's validators, which ship with this package (no Prism install needed).
 */
export const createMock: (options?: CreateMockOptions) => Promise<Mock> = sdkCreateMock(
  new URL("../generated/openapi.json", import.meta.url),
  ApiClient,
);

/**
 * Starts the simulator behind HTTP on 127.0.0.1 and a free port (`mode: "static"`: Prism serving the
 * spec's examples), from the spec this package ships (generated/openapi.json, also exported as
 * `__NAME__/openapi.json`), and resolves once it answers. Only `mode: "static"` needs
 * `@stoplight/prism-cli` installed next to this package (the error says how).
 */
export const startMock: (options?: StartMockOptions) => Promise<RunningMock> = sdkMock(
  new URL("../generated/openapi.json", import.meta.url),
  ApiClient,
);
