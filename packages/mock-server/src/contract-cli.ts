// `pnpm contract <api> --target <url> [--port <n>] [-- <command> …]`
// Contract checking of a real server: Prism's validation proxy (`prism proxy --errors`) stands in
// front of the server at --target and reports every request and response that breaks spec/<api>.
// With a command (e.g. your integration tests), it runs it with <API>_BASE_URL pointed at the proxy
// and stops when it ends; without one, it runs until Ctrl-C. Exits 1 if anything broke the spec.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { envNames } from "@repo/model";
import { apiArtifacts, assertApi, runMain, UsageError } from "@repo/model/build";
import { parseTarget, startContractCheck, summarizeContract } from "./contract.js";

const usage = "Usage: pnpm contract <api> --target <url> [--port <n>] [--host <host>] [-- <command> …]";

function readArgs(argv: string[]) {
  const split = argv.indexOf("--");
  const command = split === -1 ? [] : argv.slice(split + 1);
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: { target: { type: "string" }; port: { type: "string" }; host: { type: "string" } } }>>;
  try {
    parsed = parseArgs({
      args: split === -1 ? argv : argv.slice(0, split),
      allowPositionals: true,
      options: { target: { type: "string" }, port: { type: "string" }, host: { type: "string" } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const [api, ...extra] = parsed.positionals;
  if (!api || extra.length) throw new UsageError(usage);
  assertApi(api);
  let target: string;
  try {
    target = parseTarget(parsed.values.target);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const port = parsed.values.port === undefined ? undefined : Number(parsed.values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new UsageError(`--port must be a port number (got "${parsed.values.port}").`);
  }
  return { api, target, port, host: parsed.values.host, command };
}

/** Resolves when the command exits (with its exit code) or when we are asked to stop (null). */
function waitFor(command: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    const stopSignals = ["SIGINT", "SIGTERM"] as const;
    const onSignal = () => resolve(null);
    for (const signal of stopSignals) process.once(signal, onSignal);
    if (command.length === 0) return;
    const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env });
    child.once("error", (error) => {
      process.stderr.write(`✖ could not run ${command[0]}: ${error.message}\n`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      for (const s of stopSignals) process.off(s, onSignal);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

await runMain(async (argv) => {
  const { api, target, port, host, command } = readArgs(argv);
  const specFile = apiArtifacts(api).bundleFile; // bundled from spec/<api>/, no build needed

  const check = await startContractCheck({ specFile, target, ...(port !== undefined ? { port } : {}), ...(host ? { host } : {}) });
  const baseUrlVar = envNames(api).baseUrl;
  console.log(`Checking ${target} against spec/${api} through ${check.url}`);
  console.log(command.length ? `Running ${command.join(" ")} with ${baseUrlVar}=${check.url}` : "Send requests there; Ctrl-C prints the summary.");
  const commandCode = await waitFor(command, { ...process.env, [baseUrlVar]: check.url, CONTRACT_PROXY_URL: check.url });
  const report = await check.stop();
  for (const line of summarizeContract(report)) console.log(line);
  if (report.failures.length > 0) process.exit(1);
  if (commandCode) {
    console.log(`✖ ${command.join(" ")} exited with ${commandCode}.`);
    process.exit(commandCode);
  }
});
