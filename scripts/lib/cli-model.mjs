// The slice of the model the CLI bundle carries (packages/<api>/generated/cli-model.ts → dist/cli.js):
// what its commands, help, MCP server and --mock engine read, without the answers' descriptions and
// examples, and with each repeated schema (a shared parameter, a body used by create and update…)
// written once. packages/runtime/src/cli/model.ts (unpackModel) restores the plain model at start.

const TOP = ["api", "title", "version", "specHash", "servers", "env", "auth", "login", "securitySchemes", "errorShape", "resources"];
const OPERATION = [
  "operationId", "namespace", "name", "method", "path", "summary", "description", "security", "parameters", "requestBody",
  "successStatus", "successContentTypes", "parseAs", "bodyMode", "pagination", "idempotencyHeader", "columns", "wait", "mock",
];

const pick = (object, keys) => Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]));

/** The fields of the model the CLI reads. */
export const cliModel = (model) => ({ ...pick(model, TOP), operations: model.operations.map((op) => pick(op, OPERATION)) });

/** A subtree repeated and at least this long (as JSON) is written once. */
const MIN_SHARED = 48;
const isRef = (node) => node && typeof node === "object" && !Array.isArray(node) && Object.keys(node).length === 1 && Number.isInteger(node.$s);

/**
 * `{ shared, value }`: `value` with every repeated subtree replaced by `{ $s: i }`, `shared[i]` holding
 * it (itself packed the same way). Without repeats, or when the value already has `{ $s: n }` objects
 * of its own, nothing is shared.
 */
export function packShared(value) {
  const text = new Map(); // node → its JSON, computed once bottom-up
  const counts = new Map();
  let clash = false;
  const serialize = (node) => {
    if (!node || typeof node !== "object") return JSON.stringify(node) ?? "null";
    if (isRef(node)) clash = true;
    const json = Array.isArray(node)
      ? `[${node.map(serialize).join(",")}]`
      : `{${Object.entries(node).filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`).join(",")}}`;
    text.set(node, json);
    counts.set(json, (counts.get(json) ?? 0) + 1);
    return json;
  };
  serialize(value);
  if (clash) return { shared: [], value };
  const shared = [];
  const index = new Map();
  const pack = (node) => {
    if (!node || typeof node !== "object") return node;
    const json = text.get(node);
    const children = Array.isArray(node) ? node.map(pack) : Object.fromEntries(Object.entries(node).map(([k, v]) => [k, pack(v)]));
    if (counts.get(json) < 2 || json.length < MIN_SHARED) return children;
    if (!index.has(json)) index.set(json, shared.push(children) - 1);
    return { $s: index.get(json) };
  };
  return { shared, value: pack(value) };
}

/** The source of generated/cli-model.ts: the packed model as one JSON string (parsed faster than a literal). */
export function cliModelSource(model, banner) {
  const packed = JSON.stringify(packShared(cliModel(model)));
  return `${banner}\nimport { unpackModel, type CliModel } from "@repo/runtime/cli";\n\nexport const model: CliModel = unpackModel(JSON.parse(${JSON.stringify(packed)}));\n`;
}
