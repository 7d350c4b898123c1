// Starts Prism (the spec-driven mock server, or its validation proxy) as a child process on
// 127.0.0.1 and a free port. Node-only: imported from the `./mock` entry, never from the client path.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

/** The Prism release this repository is tested with (the newest whose engines accept Node 20). */
export const PRISM_VERSION = "5.14.2";

export interface PrismOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Host to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Generate random responses from the schemas instead of serving the spec's examples. */
  dynamic?: boolean;
  /** Reject requests (and, as a proxy, responses) that violate the spec instead of only flagging them. */
  errors?: boolean;
  /** Run `prism proxy` in front of this server instead of `prism mock`. */
  upstream?: string;
  /** How long to wait for Prism to answer, in ms. */
  startTimeout?: number;
  /** Called with each line Prism logs. */
  onLog?: (line: string) => void;
  /** Where to look for `@stoplight/prism-cli` (a file URL or path); defaults to this module. */
  resolveFrom?: string;
}

export interface RunningPrism {
  /** Base URL of the mock, e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  /** Process id of Prism, so callers (and tests) can check it is gone. */
  pid: number;
  /** Stops Prism and waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills every Prism this process started when it exits normally (including process.exit()). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

/**
 * Preloaded into Prism: it exits when its stdin reaches end-of-file, i.e. when the process that
 * started it is gone. The OS closes that pipe however the parent ends — Ctrl-C, SIGTERM, SIGKILL,
 * a crash — so no Prism outlives its test run, without taking over the parent's signal handling.
 */
const WATCHDOG = `data:text/javascript,process.stdin.on("end",()=>process.exit(0)).resume();`;

/** Asks the OS for a port nobody is listening on (or checks that `port` is free). */
export function freePort(host = "127.0.0.1", port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) =>
      // one line instead of the 29 lines of usage text Prism prints on a taken port
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is already in use`) : error),
    );
    server.listen(port, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The error thrown when Prism is not installed: it says exactly what to install. */
export class PrismMissingError extends Error {
  constructor() {
    super(
      `The mock needs Prism, which is not installed. Install it next to this package:\n` +
        `  npm install --save-dev @stoplight/prism-cli@${PRISM_VERSION}\n` +
        `  (pnpm add -D @stoplight/prism-cli@${PRISM_VERSION} / yarn add -D @stoplight/prism-cli@${PRISM_VERSION})`,
    );
    this.name = "PrismMissingError";
  }
}

/** Finds Prism's CLI entry (its package's `bin`); throws PrismMissingError when it is missing. */
export function resolvePrismCli(from: string = import.meta.url): string {
  const require = createRequire(from);
  let manifestPath: string;
  try {
    manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  } catch {
    throw new PrismMissingError();
  }
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : (manifest.bin?.["prism"] ?? "dist/index.js");
  return join(dirname(manifestPath), bin);
}

const formatUrl = (host: string, port: number) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

/**
 * Starts `prism mock <specFile>` (or `prism proxy <specFile> <upstream>`) and resolves once it
 * answers HTTP. Rejects with Prism's own output when it exits or does not start in time.
 */
export async function startPrism(specFile: string, options: PrismOptions = {}): Promise<RunningPrism> {
  const host = options.host ?? "127.0.0.1";
  const port = await freePort(host, options.port ?? 0);
  const cli = resolvePrismCli(options.resolveFrom);
  const command = options.upstream ? ["proxy", specFile, options.upstream] : ["mock", specFile];
  const args = ["--import", WATCHDOG, cli, ...command, "--host", host, "--port", String(port)];
  if (options.dynamic) args.push("--dynamic");
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, args, {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  running.add(child);
  installExitHook();
  // The parent never writes to Prism's stdin; it stays open until stop() or until the parent dies.
  child.stdin?.on("error", () => {});

  let output = "";
  let pending = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-8000);
    if (!options.onLog) return;
    const lines = (pending + text).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) options.onLog(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));
  const spawnFailed = new Promise<Error>((resolve) => child.once("error", resolve));
  let spawnError: Error | undefined;
  void spawnFailed.then((error) => (spawnError = error));

  const url = formatUrl(host, port);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      // Prism exits on SIGTERM within milliseconds; never leave it behind if it does not.
      const force = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(force);
    }
    child.stdin?.destroy();
  };

  const timeout = options.startTimeout ?? 30_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (spawnError) throw new Error(`Could not start Prism: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Prism exited (${child.exitCode ?? child.signalCode}) before it was ready for ${specFile}:\n${output.trim()}`);
    }
    // Prism prints this line once every route is mounted; polling HTTP alone races the route setup.
    if (/Prism is listening/.test(output)) {
      try {
        await fetch(url, { signal: AbortSignal.timeout(1000) });
        return { url, port, pid: child.pid ?? -1, stop };
      } catch {
        // not accepting connections yet
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start within ${timeout} ms for ${specFile}:\n${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
