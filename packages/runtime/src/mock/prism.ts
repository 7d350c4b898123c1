// Starts Prism (the spec-driven mock server) as a child process on 127.0.0.1 and a free port.
// Node-only: imported from the `./mock` entry, never from the client path.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface PrismOptions {
  /** Port to listen on; a free one when omitted. */
  port?: number;
  /** Host to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Generate random responses from the schemas instead of serving the spec's examples. */
  dynamic?: boolean;
  /** Reject requests that violate the spec with 422 instead of answering with a warning header. */
  errors?: boolean;
  /** How long to wait for Prism to answer, in ms. */
  startTimeout?: number;
  /** Called with each line Prism logs. */
  onLog?: (line: string) => void;
}

export interface RunningPrism {
  /** Base URL of the mock, e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  /** Stops Prism and waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills every Prism this process started, when the process ends or is interrupted. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const child of running) child.kill("SIGTERM");
  };
  process.once("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

/** Asks the OS for a port nobody is listening on. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Finds Prism's CLI entry; throws a message that says what to install when it is missing. */
export function resolvePrismCli(from: string = import.meta.url): string {
  const require = createRequire(from);
  try {
    const manifest = require.resolve("@stoplight/prism-cli/package.json");
    return join(dirname(manifest), "dist", "index.js");
  } catch {
    throw new Error(
      "The mock needs Prism, which is not installed. Install it next to this package: " +
        "`npm install --save-dev @stoplight/prism-cli@5.14.2` (or pnpm add -D / yarn add -D).",
    );
  }
}

/** Starts `prism mock <specFile>` and resolves once it answers HTTP. */
export async function startPrism(specFile: string, options: PrismOptions = {}): Promise<RunningPrism> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  const args = [resolvePrismCli(), "mock", specFile, "--host", host, "--port", String(port)];
  if (options.dynamic) args.push("--dynamic");
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  running.add(child);
  installExitHook();

  let output = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-8000);
    if (options.onLog) for (const line of text.split("\n")) if (line.trim()) options.onLog(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));

  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };

  const deadline = Date.now() + (options.startTimeout ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`Prism exited (code ${child.exitCode}) before it was ready for ${specFile}:\n${output.trim()}`);
    }
    // Prism prints this line once every route is mounted; polling HTTP alone races the route setup.
    if (/Prism is listening/.test(output)) {
      try {
        await fetch(url, { signal: AbortSignal.timeout(1000) });
        return { url, port, stop };
      } catch {
        // not accepting connections yet
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start within ${options.startTimeout ?? 30_000} ms for ${specFile}:\n${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
