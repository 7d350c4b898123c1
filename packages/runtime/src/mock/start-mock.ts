// The `startMock()` each SDK package ships in its `<api>/mock` entry: Prism serving the spec that
// ships with the package, plus a client of that SDK pointed at it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startPrism, type PrismOptions } from "./prism.js";

export interface StartMockOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Host to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Generate responses from the schemas instead of serving the spec's examples. */
  dynamic?: boolean;
  /** How long to wait for Prism to answer, in ms (default 30 000). */
  startTimeout?: number;
}

export interface MockServer<Client, ClientOptions> {
  /** Base URL of the mock, e.g. http://127.0.0.1:43121. */
  url: string;
  port: number;
  /** Prism's process id. */
  pid: number;
  /** A client of this SDK pointed at the mock (with a placeholder token unless you pass one). */
  client(options?: ClientOptions): Client;
  /** Stops Prism and waits until the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts Prism on `specFile` and wires `makeClient` to its URL. */
export async function startMockServer<Client, ClientOptions>(
  specFile: string | URL,
  makeClient: (url: string, options?: ClientOptions) => Client,
  options: StartMockOptions = {},
): Promise<MockServer<Client, ClientOptions>> {
  const file = typeof specFile === "string" ? specFile : fileURLToPath(specFile);
  if (!existsSync(file)) {
    throw new Error(`The spec this mock serves is missing (${file}); reinstall the package or rebuild it.`);
  }
  const prismOptions: PrismOptions = {};
  if (options.port !== undefined) prismOptions.port = options.port;
  if (options.host !== undefined) prismOptions.host = options.host;
  if (options.dynamic) prismOptions.dynamic = true;
  if (options.startTimeout !== undefined) prismOptions.startTimeout = options.startTimeout;
  const prism = await startPrism(file, prismOptions);
  return {
    url: prism.url,
    port: prism.port,
    pid: prism.pid,
    client: (clientOptions) => makeClient(prism.url, clientOptions),
    stop: prism.stop,
  };
}

/** The SDK constructor a mock entry hands out clients of: `new ApiClient(token, options)`. */
export type SdkClientClass<Client, Options> = new (token?: string, options?: Options) => Client;

/** Options of `mock.client()`: the client's options, plus a token (a placeholder by default). */
export type MockClientOptions<Options> = Options & { token?: string | undefined };

/**
 * Makes the `startMock()` of one SDK's `<api>/mock` entry: Prism on the spec the package ships, and
 * `mock.client()` giving that SDK's client with a placeholder token (Prism checks presence, not
 * value) and no retries (an asked-for 429 should fail at once, not wait out Retry-After).
 */
export function sdkMock<Client, Options extends { maxRetries?: number; baseUrl?: string }>(
  specFile: string | URL,
  ClientClass: SdkClientClass<Client, Options>,
) {
  return (options: StartMockOptions = {}): Promise<MockServer<Client, MockClientOptions<Options>>> =>
    startMockServer<Client, MockClientOptions<Options>>(
      specFile,
      (url, { token = "mock-token", ...clientOptions } = {} as MockClientOptions<Options>) =>
        new ClientClass(token, { maxRetries: 0, ...clientOptions, baseUrl: url } as Options),
      options,
    );
}
