// One Prism start of the scale benchmark, in its own process: imports an SDK package's `<api>/mock`
// entry, starts the mock (static: Prism answering the examples, in a child process; stateful: the
// engine judged by Prism's validators, in this process), sends one request and prints
// { ms, cpu }: the wall time from the import until that first answer, and the CPU time (user + system)
// spent by this process and the Prism child until then; then stops the mock.
// `node mock-probe.mjs <packages/<api>/dist/mock.js> <static|stateful> <namespace | namespace.method>`: a bare
// namespace calls its `list` (a conventional spec's, checked for its page meta), a dotted name that operation.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mockFile, mode, namespace] = process.argv.slice(2);

/** CPU ms of another process so far, from /proc (Linux; NaN elsewhere). Clock ticks are 100 Hz on Linux. */
function cpuOfProcess(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15 of stat)
  } catch {
    return NaN;
  }
}

const started = performance.now();
const cpuStart = process.cpuUsage();
const { startMock } = await import(pathToFileURL(mockFile).href);
const mock = await startMock({ mode, host: "127.0.0.1" });
try {
  const [group, method] = namespace.split(".");
  const page = method ? await mock.client()[group][method]() : await mock.client()[group].list({ page_size: 1 });
  const ms = performance.now() - started;
  const own = process.cpuUsage(cpuStart);
  const cpu = (own.user + own.system) / 1000 + (mock.pid === process.pid ? 0 : cpuOfProcess(mock.pid));
  if (!method && !page?.meta) throw new Error(`the first answer has no meta: ${JSON.stringify(page).slice(0, 200)}`);
  process.stdout.write(`${JSON.stringify({ ms, cpu })}\n`);
} finally {
  await mock.stop();
}
