// The slice of the model the CLI bundle carries (packages/<api>/generated/cli-model.ts → dist/cli.js):
// what its commands, help, MCP server and --mock engine read, without the answers' descriptions and
// examples, and with each repeated schema (a shared parameter, a body used by create and update…)
// written once. unpackModel (src/packed-model.ts) restores the plain model at start.
import { CLI_MODEL_FIELDS, CLI_OPERATION_FIELDS, type ApiModel, type CliModel } from "../api-model.js";
import { isSharedRef, type PackedModel } from "../packed-model.js";

const pick = <T extends object, K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]])) as Pick<T, K>;

/** The fields of the model the CLI reads. */
export const cliModel = (model: ApiModel): CliModel => ({
  ...pick(model, CLI_MODEL_FIELDS),
  operations: model.operations.map((op) => pick(op, CLI_OPERATION_FIELDS)),
});

/** A subtree repeated and at least this long (as JSON) is written once. */
const MIN_SHARED = 48;

/**
 * `{ shared, value }`: `value` with every repeated subtree replaced by `{ $s: i }`, `shared[i]` holding
 * it (itself packed the same way). Without repeats, or when the value already has `{ $s: n }` objects
 * of its own, nothing is shared.
 */
export function packShared(value: unknown): PackedModel {
  const text = new Map<object, string>(); // node → its JSON, computed once bottom-up
  const counts = new Map<string, number>();
  let clash = false;
  const serialize = (node: unknown): string => {
    if (!node || typeof node !== "object") return JSON.stringify(node) ?? "null";
    if (isSharedRef(node)) clash = true;
    const json = Array.isArray(node)
      ? `[${node.map(serialize).join(",")}]`
      : `{${Object.entries(node)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
          .join(",")}}`;
    text.set(node, json);
    counts.set(json, (counts.get(json) ?? 0) + 1);
    return json;
  };
  serialize(value);
  if (clash) return { shared: [], value };
  const shared: unknown[] = [];
  const index = new Map<string, number>();
  const pack = (node: unknown): unknown => {
    if (!node || typeof node !== "object") return node;
    const json = text.get(node)!;
    const children = Array.isArray(node) ? node.map(pack) : Object.fromEntries(Object.entries(node).map(([k, v]) => [k, pack(v)]));
    if ((counts.get(json) ?? 0) < 2 || json.length < MIN_SHARED) return children;
    if (!index.has(json)) index.set(json, shared.push(children) - 1);
    return { $s: index.get(json) };
  };
  return { shared, value: pack(value) };
}

/** The source of generated/cli-model.ts: the packed model as one JSON string (parsed faster than a literal). */
export function cliModelSource(model: ApiModel, banner: string): string {
  const packed = JSON.stringify(packShared(cliModel(model)));
  return `${banner}\nimport { unpackModel, type CliModel } from "@repo/model";\n\nexport const model: CliModel = unpackModel(JSON.parse(${JSON.stringify(packed)}));\n`;
}
