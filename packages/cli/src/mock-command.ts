// `<api> mock`: serves the stateful mock of the package's own bundled spec (Prism judging every answer;
// `--static` for Prism's example mock) until Ctrl-C, with one log line per request and every spec
// violation shown loudly (the same server as the monorepo's `pnpm mock`).
import type { CliApp, CliIo } from "./app.js";
import type { OperationFlag } from "./flags.js";
import type { Output } from "./output.js";
import { parseCommandLine } from "./parse.js";
import { ExitCode, UsageError } from "./usage-error.js";

/** The flags only `mock` takes; parsed with the same parser as every command. */
const mockFlags: OperationFlag[] = [
  { flag: "port", key: "port", in: "query", required: false, description: "Port to listen on (default: a free one)", schema: { type: "integer", minimum: 1, maximum: 65535 }, kind: "integer" },
  { flag: "host", key: "host", in: "query", required: false, description: "Host to bind (default 127.0.0.1)", schema: { type: "string" }, kind: "string" },
  { flag: "strict", key: "strict", in: "query", required: false, description: "Reject requests that break the spec with 422 (and answers that would break it with 500)", schema: { type: "boolean" }, kind: "boolean" },
  { flag: "static", key: "static", in: "query", required: false, description: "Answer the spec's examples whatever was sent (no state)", schema: { type: "boolean" }, kind: "boolean" },
  { flag: "dynamic", key: "dynamic", in: "query", required: false, description: "With --static: generate answers from the schemas instead of the examples", schema: { type: "boolean" }, kind: "boolean" },
  { flag: "latency", key: "latency", in: "query", required: false, description: "Answer after this many ms, or a seeded time in a range (50-200)", schema: { type: "string" }, kind: "string" },
  { flag: "faults", key: "faults", in: "query", required: false, description: "Answer this share of calls (0-1) with a fault: a dropped connection, no answer, 500, 503 or 429", schema: { type: "string" }, kind: "string" },
  { flag: "fault-kinds", key: "faultKinds", in: "query", required: false, description: "With --faults: which faults (reset,timeout,500,503,429)", schema: { type: "string" }, kind: "string" },
  { flag: "fault-seed", key: "faultSeed", in: "query", required: false, description: "With --faults: the seed, so a run repeats (default 1)", schema: { type: "string" }, kind: "string" },
];

export function mockHelp(app: CliApp): string {
  const bin = app.model.api;
  const lines = mockFlags.map((f) => `  --${f.flag}${f.kind === "boolean" ? "" : ` <${f.kind}>`}`.padEnd(24) + f.description);
  return [
    `${bin} mock — serve a stateful mock of the ${app.model.title} (${app.model.version}), every answer validated by Prism, until Ctrl-C.`,
    "",
    `Usage: ${bin} mock [--port <n>] [--strict] [--static [--dynamic]] [--latency <ms|min-max>] [--faults <rate> [--fault-kinds <kinds>] [--fault-seed <n>]]`,
    "",
    "The stateful mock and its judge ship with this package; --static needs @stoplight/prism-cli next to it (npm install --save-dev @stoplight/prism-cli@5.14.2).",
    "",
    "Flags:",
    ...lines,
    "",
  ].join("\n");
}

/** Reads one flag's single value (the parser already checked it is known). */
function single(values: Map<string, Array<string | boolean>>, flag: string): string | boolean | undefined {
  return values.get(flag)?.at(-1);
}

const text = (value: string | boolean | undefined) => (typeof value === "string" ? value : undefined);

export async function serveMockCommand(app: CliApp, io: CliIo, output: Output, argv: readonly string[]): Promise<number> {
  const line = parseCommandLine(argv, mockFlags);
  if (line.positionals.length > 1) throw new UsageError(`Unexpected argument "${line.positionals[1]}".`, `Run \`${app.model.api} mock --help\`.`);
  const portText = single(line.values, "port");
  let port: number | undefined;
  if (portText !== undefined) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be an integer from 1 to 65535, not "${String(portText)}".`);
  }
  const host = single(line.values, "host");
  if (!app.mock) throw new UsageError(`This ${app.model.api} CLI was built without a mock: \`mock\` is not available.`);
  const mockHost = await app.mock();
  const mock = await mockHost
    .serve({
      specFile: app.specFile,
      ...(port !== undefined ? { port } : {}),
      ...(typeof host === "string" ? { host } : {}),
      model: app.model,
      static: single(line.values, "static") === true,
      strict: single(line.values, "strict") === true,
      dynamic: single(line.values, "dynamic") === true,
      chaos: { latency: text(single(line.values, "latency")), faults: text(single(line.values, "faults")), faultKinds: text(single(line.values, "fault-kinds")), faultSeed: text(single(line.values, "fault-seed")) },
      log: (text: string) => output.out(`${text}\n`),
      color: io.stdoutIsTTY,
    })
    // the host checks --latency and --faults (their values are its options): a bad one is a usage error
    .catch((error: unknown) => {
      throw error instanceof TypeError ? new UsageError(error.message, `Run \`${app.model.api} mock --help\`.`) : error;
    });
  output.out(`${app.model.title} mock listening on ${mock.url} (Ctrl-C stops it)\n`);
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  await mock.stop();
  return ExitCode.ok;
}
