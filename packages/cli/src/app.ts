// What one API's CLI is made of (its model and client) and the process around it (injectable for tests).
import { readLimited } from "./read-limited.js";
import type { ClientOptions, RequestOptions } from "@repo/client";
import type { CliModel } from "@repo/model";
import type { Output, TextSink } from "./output.js";

/** What the engine needs of an SDK client: the generic call by operationId. */
export interface CliClient {
  request(operationId: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<{ data: unknown; response: Response }>;
}

/** One API's CLI: its model and how to make its client. Everything else is derived. */
export interface CliApp {
  model: CliModel;
  createClient(token: string | undefined, options: ClientOptions): CliClient;
  /**
   * The operation `login` calls to check a token; by default the model's `login` (the spec's
   * `x-cli-login`, else a secured GET like /auth/check or /me: Cloudnode's `auth.check`, CloudNexus's `me`).
   */
  loginOperation?: string | undefined;
  /** The bundled spec `--mock` serves with Prism. */
  specFile: string;
  /** The package version, for `--version` and the User-Agent. */
  version: string;
  /** `<api> mcp`, loaded only when it runs (an SDK's bin passes `() => import("@repo/mcp/command")`). */
  mcp?: (() => Promise<McpCommand>) | undefined;
  /** `<api> mock` and `--mock`, loaded only when they run (`() => import("@repo/mock-server/cli-host")`). */
  mock?: (() => Promise<MockHost>) | undefined;
}

/** The `mcp` command: its help and its run (@repo/mcp/command). */
export interface McpCommand {
  mcpHelp(app: CliApp): string;
  serveMcpCommand(app: CliApp, io: CliIo, output: Output): Promise<number>;
}

/** A running mock: where to send requests, and how to stop it. */
export interface RunningCommandMock {
  url: string;
  stop(): Promise<void>;
}

/** What `mock` and `--mock` need of the mock server (@repo/mock-server/cli-host). */
export interface MockHost {
  /** One mock for one command: stateful (judged by Prism) or Prism's example mock (`static`). */
  startForCommand(options: { specFile: string; model: CliModel; static: boolean; log?: ((text: string) => void) | undefined }): Promise<RunningCommandMock>;
  /** `<api> mock`: served until stopped, one log line per request. */
  serve(options: {
    specFile: string;
    model: CliModel;
    port?: number;
    host?: string;
    static: boolean;
    strict: boolean;
    dynamic: boolean;
    /** `--latency`, `--faults`, `--fault-kinds`, `--fault-seed` as given (the host reads and checks them). */
    chaos?: { latency?: string | undefined; faults?: string | undefined; faultKinds?: string | undefined; faultSeed?: string | undefined };
    log: (line: string) => void;
    color: boolean;
  }): Promise<RunningCommandMock>;
}

/** The process around the CLI. */
export interface CliIo {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: TextSink;
  stderr: TextSink;
  /** Whether stdout is a terminal: pretty JSON there, compact in a pipe. */
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Whether stderr is a terminal: `--wait` shows its progress there. */
  stderrIsTTY?: boolean;
  /** The terminal's width, when stdout is one (tables fit it). */
  columns?: number | undefined;
  readStdin(): string;
}

export function processIo(): CliIo {
  // `cloudnexus instances/list --all | head -1`: the reader left, which is not an error of ours
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    readStdin: () => readLimited(0, "stdin"),
  };
}

