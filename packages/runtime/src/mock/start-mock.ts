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
