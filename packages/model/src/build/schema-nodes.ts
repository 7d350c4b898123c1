// A walk over every object of a bundle that may be a schema, for the passes that rewrite schemas in place
// (the served bundle's unions, the types' required fields). Values are not schemas: a `oneOf` or a
// `required` list inside an example, a default, an enum or a const is data, and is not visited.
import type { Json } from "../api-model.js";

const VALUE_KEYS = new Set(["example", "examples", "default", "enum", "const"]);

/** Calls `visit` on every object of `node` (itself first), depth first, values left out. */
export function forEachSchemaNode(node: Json, visit: (node: Json) => void): void {
  if (Array.isArray(node)) return node.forEach((item) => forEachSchemaNode(item, visit));
  if (!node || typeof node !== "object") return;
  visit(node);
  for (const [key, value] of Object.entries(node)) if (!VALUE_KEYS.has(key)) forEachSchemaNode(value, visit);
}
