// Serves one API's mock for people (`pnpm mock`, `<api> mock`): the stateful mock (or, with `static`,
// Prism serving the examples) behind a front server that prints one line per request and shows every
// spec violation loudly.
import { readFileSync } from "node:fs";
import { startRecorder } from "./exchange-recorder.js";
import { operationMatcher } from "./operations.js";
import { startPrism } from "./prism.js";
import { formatExchange } from "./exchange-log.js";
import { startStatefulMock } from "./stateful.js";
import { chaosOptions, type ChaosFlags } from "./chaos-flags.js";
import type { EngineModel } from "@repo/mock-engine";

export interface ServeMockOptions {
  /** The bundled spec to serve (JSON or YAML Prism can read; JSON is needed for operation names). */
  specFile: string;
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Host to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /**
   * Strict mode: a request that breaks the spec gets a 422 listing its violations (not the spec's
   * own 400 example, which looks like a real answer), and a response that would break it a 500
   * (Prism's `--errors`).
   */
  strict?: boolean;
  /** Generate responses from the schemas instead of serving the spec's examples (implies `static`). */
  dynamic?: boolean;
  /** Serve the spec's examples whatever was sent (Prism's own mock) instead of the stateful mock. */
  static?: boolean;
  /** The operation model of the spec (generated/model.json, as an object or its file): needed by the stateful mock. */
  model?: EngineModel | string;
  /** Where each log line goes (default: stdout). */
  log?: (line: string) => void;
  /** Colour the log (default: when stdout is a terminal). */
  color?: boolean;
  /** Where to look for `@stoplight/prism-cli` (a file URL or path); defaults to this module. */
  resolveFrom?: string;
  /** Latency and faults as the flags give them (`--latency 50-200 --faults 0.1`); the stateful mock only. */
  chaos?: ChaosFlags;
}

export interface ServedMock {
  /** The URL clients talk to. */
  url: string;
  port: number;
  /** Prism's process id. */
  pid: number;
  /** Stops the front server and Prism. Safe to call twice. */
  stop(): Promise<void>;
}

/** Reads the operation names of a spec; a spec that is not JSON just gets no names. */
function matcherFor(specFile: string) {
  try {
    return operationMatcher(JSON.parse(readFileSync(specFile, "utf8")));
  } catch {
    return () => undefined;
  }
}

export async function serveMock(options: ServeMockOptions): Promise<ServedMock> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const color = options.color ?? Boolean(process.stdout.isTTY);
  const chaos = chaosOptions(options.chaos ?? {});
  if ((chaos.latency !== undefined || chaos.faults) && (options.static || options.dynamic)) {
    throw new TypeError("--latency and --faults need the stateful mock: leave out --static and --dynamic.");
  }
  if (!options.static && !options.dynamic && options.model) {
    const mock = await startStatefulMock({
      specFile: options.specFile,
      model: options.model,
      host,
      port: options.port,
      strict: options.strict,
      ...chaos,
      onExchange: (exchange) => {
        for (const line of formatExchange(exchange, { color })) log(line);
      },
    });
    return { url: mock.url, port: mock.port, pid: mock.pid, stop: mock.stop };
  }
  const prism = await startPrism(options.specFile, {
    ...(options.dynamic ? { dynamic: true } : {}),
    ...(options.strict ? { errors: true } : {}),
    ...(options.resolveFrom ? { resolveFrom: options.resolveFrom } : {}),
  });
  const style = { color };
  try {
    const front = await startRecorder({
      prismUrl: prism.url,
      host,
      port: options.port ?? 0,
      nameOperation: matcherFor(options.specFile),
      rejectInvalidRequests: Boolean(options.strict),
      onExchange: (exchange) => {
        for (const line of formatExchange(exchange, style)) log(line);
      },
    });
    let stopped: Promise<void> | undefined;
    return {
      url: front.url,
      port: front.port,
      pid: prism.pid,
      stop: () => (stopped ??= Promise.all([front.close(), prism.stop()]).then(() => undefined)),
    };
  } catch (error) {
    await prism.stop();
    const reason = (error as NodeJS.ErrnoException).code === "EADDRINUSE" ? `port ${options.port} is already in use` : (error as Error).message;
    throw new Error(`Could not serve the mock on ${host}:${options.port ?? 0}: ${reason}.`);
  }
}
