// `pnpm mock [api …] [--strict] [--static] [--dynamic]`: serves each API's stateful mock at a fixed port
// (MOCK_PORT, default 4010, then 4011, … in spec/ order) until Ctrl-C, with one log line per request and
// every spec violation in red. --strict answers requests that break the spec with a 422; --static serves
// the spec's examples whatever was sent. --latency and --faults slow answers down and answer some with
// a chosen fault (seeded: --fault-seed), to try a client's timeouts and retries.
import { parseArgs } from "node:util";
import { bundledSpec, listApis } from "./repo-mocks.js";
import { CHAOS_USAGE } from "./chaos-flags.js";
import { serveMock, type ServedMock } from "./serve.js";

const fail = (message: string): never => {
  console.error(`✖ ${message}`);
  process.exit(2);
};

let args: ReturnType<typeof readArgs>;
function readArgs() {
  return parseArgs({
    allowPositionals: true,
    options: {
      strict: { type: "boolean", default: false },
      static: { type: "boolean", default: false },
      dynamic: { type: "boolean", default: false },
      latency: { type: "string" },
      faults: { type: "string" },
      "fault-kinds": { type: "string" },
      "fault-seed": { type: "string" },
    },
  });
}
try {
  args = readArgs();
} catch (error) {
  fail(`${(error as Error).message}\nUsage: pnpm mock [api …] [--strict] [--static] [--dynamic] ${CHAOS_USAGE}`);
}

const all = listApis();
const chosen = args!.positionals.length ? args!.positionals : all;
for (const api of chosen) if (!all.includes(api)) fail(`Unknown API "${api}". Known APIs: ${all.join(", ")}.`);

const basePort = Number(process.env.MOCK_PORT ?? 4010);
const served: Array<[string, ServedMock]> = [];
const stopAll = () => Promise.all(served.map(([, mock]) => mock.stop()));
try {
  for (const api of chosen) {
    const mock = await serveMock({
      specFile: bundledSpec(api),
      port: basePort + all.indexOf(api),
      model: bundledSpec(api).replace(/openapi\.json$/, "model.json"),
      static: args!.values.static,
      strict: args!.values.strict,
      dynamic: args!.values.dynamic,
      chaos: { latency: args!.values.latency, faults: args!.values.faults, faultKinds: args!.values["fault-kinds"], faultSeed: args!.values["fault-seed"] },
      log: (line) => console.log(chosen.length > 1 ? `[${api}] ${line}` : line),
    });
    served.push([api, mock]);
  }
} catch (error) {
  await stopAll();
  fail((error as Error).message);
}
const mode = [args!.values.static || args!.values.dynamic ? "static" : "stateful", args!.values.strict && "strict", args!.values.dynamic && "dynamic"].filter(Boolean).join(", ");
console.log(`Mocks are running${mode ? ` (${mode})` : ""}; Ctrl-C stops them:`);
for (const [api, mock] of served) console.log(`  ${api.padEnd(12)} ${mock.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().then(() => process.exit(0)));
}
