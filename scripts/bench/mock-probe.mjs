// One Prism start of the scale benchmark, in its own process: imports an SDK package's `<api>/mock`
// entry, starts the mock (static: Prism answering the examples; stateful: the engine judged by Prism),
// sends one request and prints { ms } = from the import until that first answer, then stops the mock.
// `node mock-probe.mjs <packages/<api>/dist/mock.js> <static|stateful> <namespace>`
import { pathToFileURL } from "node:url";

const [mockFile, mode, namespace] = process.argv.slice(2);
const started = performance.now();
const { startMock } = await import(pathToFileURL(mockFile).href);
const mock = await startMock({ mode, host: "127.0.0.1" });
try {
  const page = await mock.client()[namespace].list({ page_size: 1 });
  const ms = performance.now() - started;
  if (!page?.meta) throw new Error(`the first answer has no meta: ${JSON.stringify(page).slice(0, 200)}`);
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
} finally {
  await mock.stop();
}
