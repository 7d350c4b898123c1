// `x-effect` data made real: runtime expressions resolved against the request, and set/add/remove
// applied to a stored item. Plain data in, plain data out: no per-API code.
import type { Effect } from "./model.js";
import { clone, type Json } from "./spec.js";

export interface ExpressionContext {
  body: Json;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
}

/** Reads a JSON pointer (`/plan`, `/a/0/b`) in `value`. */
function pointer(value: Json, path: string): Json {
  if (path === "" || path === "/") return value;
  return path
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((node: Json, key) => (node === null || node === undefined ? undefined : node[key]), value);
}

/**
 * An OpenAPI runtime expression (`$request.body#/plan`, `$request.query.name`, `$request.path.id`,
 * `$request.header.name`) evaluated against the request; any other value is a literal.
 */
export function evaluate(value: Json, request: ExpressionContext): Json {
  if (typeof value === "string" && value.startsWith("$request.")) {
    const rest = value.slice("$request.".length);
    if (rest.startsWith("body")) return clone(pointer(request.body, rest.slice(rest.indexOf("#") + 1 || rest.length)));
    const [where, ...name] = rest.split(".");
    const key = name.join(".");
    if (where === "query") return request.query.get(key) ?? undefined;
    if (where === "path") return request.params[key];
    if (where === "header") return request.headers[key.toLowerCase()];
    return undefined;
  }
  if (Array.isArray(value)) return value.map((item) => evaluate(item, request));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, request)]));
  return value;
}

/** The effect with every expression replaced by its value at request time (actions apply it later). */
export function resolveEffect(effect: Effect, request: ExpressionContext): Effect {
  const resolved: Effect = { ...effect };
  for (const key of ["set", "add", "remove", "while"] as const) {
    const fields = effect[key];
    if (fields) resolved[key] = evaluate(fields, request);
  }
  return resolved;
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
const list = (value: Json): Json[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Applies `fields` (set), `add` and `remove` of an effect to `item` in place. */
export function applyFields(item: Record<string, Json>, effect: Pick<Effect, "set" | "add" | "remove">): void {
  for (const [field, value] of Object.entries(effect.set ?? {})) item[field] = clone(value);
  for (const [field, value] of Object.entries(effect.add ?? {})) {
    const current: Json[] = Array.isArray(item[field]) ? item[field] : [];
    item[field] = [...current, ...list(value).filter((entry) => !current.some((existing) => same(existing, entry)))];
  }
  for (const [field, value] of Object.entries(effect.remove ?? {})) {
    const current: Json[] = Array.isArray(item[field]) ? item[field] : [];
    item[field] = current.filter((existing) => !list(value).some((entry) => same(existing, entry)));
  }
}
