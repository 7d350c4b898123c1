// The create→get of the scale benchmark, in its own process: imports an SDK package's `<api>/mock` entry,
// starts its stateful mock, and for every resource the model infers with a create and a get (the stateful
// suite's set) creates one item through the SDK from the operation's example params and reads it back by
// its key (out of the answer's envelope, the model's itemKey). Prints one JSON line: the resources, those
// read back, the failures (resource, step, what), the answers Prism found invalid, and the wall time.
// `node create-probe.mjs <packages/<api>/dist/mock.js> <packages/<api>/generated/model.json>`
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mockFile, modelFile] = process.argv.slice(2);
const model = JSON.parse(readFileSync(modelFile, "utf8"));
const role = (resource, name) => model.operations.find((op) => op.mock?.resource === resource && op.mock?.role === name);
const resources = Object.entries(model.resources)
  .map(([name, resource]) => ({ name, ...resource, create: role(name, "create"), get: role(name, "get") }))
  .filter((r) => r.create && r.get && r.create.responses[r.create.successStatus ?? ""]?.hasBody !== false);

const started = performance.now();
const { startMock } = await import(pathToFileURL(mockFile).href);
const mock = await startMock({ host: "127.0.0.1" });
const client = mock.client({ maxRetries: 0 });
const methodOf = (op) => (op.namespace ? client[op.namespace] : client)[op.name];
// the suites' rule (testkit's itemOfAnswer): under the itemKey, else the one item of a list answer, else the answer
const itemOf = (r, answer) => {
  if (!answer || typeof answer !== "object") return answer;
  if (r.itemKey && r.itemKey in answer) return answer[r.itemKey];
  const listed = r.listKey ? answer[r.listKey] : undefined;
  return Array.isArray(listed) && listed.length === 1 ? listed[0] : answer;
};
const failures = [];
let readBack = 0;
try {
  for (const r of resources) {
    let step = "create";
    try {
      const key = itemOf(r, await methodOf(r.create)(r.create.exampleParams))?.[r.keyField];
      if (key === undefined) throw new Error(`the answer has no ${r.keyField}`);
      step = "get";
      const read = itemOf(r, await methodOf(r.get)({ ...r.get.exampleParams, [r.keyParam]: key }));
      if (read?.[r.keyField] !== key) throw new Error(`read back ${JSON.stringify(read?.[r.keyField])}, not ${JSON.stringify(key)}`);
      readBack++;
    } catch (error) {
      failures.push({ resource: r.name, step, what: String(error?.message ?? error).split("\n")[0].slice(0, 160) });
    }
  }
  const invalid = mock.requests.filter((request) => request.violations.some((v) => v.side === "response")).map((request) => `${request.operationId} ${request.status}`);
  process.stdout.write(`${JSON.stringify({ resources: resources.length, readBack, failures, invalid, ms: performance.now() - started })}\n`);
} finally {
  await mock.stop();
}
