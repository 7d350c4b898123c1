// The `__NAME__/mock` entry (Node only): Prism serving the spec shipped in this package, for your tests.
// `const mock = await startMock(); mock.client().<namespace>.<method>(…); await mock.stop();`
import { sdkMock, type MockClientOptions as ClientOptionsOfMock, type MockServer, type StartMockOptions } from "@repo/mock-server";
import { ApiClient, type ClientOptions } from "./index.js";

export { PrismMissingError, PRISM_VERSION } from "@repo/mock-server";
export type { StartMockOptions };

/** Options of `mock.client()`: the client's options, plus a token (a placeholder by default). */
export type MockClientOptions = ClientOptionsOfMock<ClientOptions>;

/** A running mock: its URL, a client pointed at it, and stop(). */
export type RunningMock = MockServer<ApiClient, MockClientOptions>;

/**
 * Starts Prism on 127.0.0.1 and a free port from the spec this package ships (generated/openapi.json,
 * also exported as `__NAME__/openapi.json`), and resolves once it answers. Needs
 * `@stoplight/prism-cli` installed next to this package (the error says how).
 */
export const startMock: (options?: StartMockOptions) => Promise<RunningMock> = sdkMock(
  new URL("../generated/openapi.json", import.meta.url),
  ApiClient,
);
