// Reading a bundled spec: local `$ref`s, object properties through allOf and unions, inlined schemas.
// Every package that reads the bundle (the model builder, the mock engine, the lint plugins' twin) uses these.
import type { Json } from "./api-model.js";

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** Follows local `#/components/...` refs until it reaches a non-ref node; a cycle or a missing target throws. */
export function deref(doc: Json, node: Json): Json {
  let current = node;
  const seen = new Set<string>();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const ref: string = current.$ref;
    if (seen.has(ref)) throw new Error(`Circular $ref ${ref}`);
    seen.add(ref);
    if (!ref.startsWith("#/")) throw new Error(`Unbundled $ref ${ref}: bundle the spec first`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((object: Json, key) => object?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  }
  return current;
}

/** Recursively inlines local refs in a schema (for CLI flag types and samples); a cycle stops at the ref. */
export function inline(doc: Json, node: Json, stack: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => inline(doc, item, stack));
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (stack.includes(node.$ref)) return { $ref: node.$ref };
    const { $ref, ...siblings } = node;
    return { ...inline(doc, deref(doc, { $ref }), [...stack, $ref]), ...inline(doc, siblings, stack) };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(doc, value, stack)]));
}

/** Properties of a schema through refs and allOf (`{}` when it has none). */
export function allOfProperties(doc: Json, schema: Json): Record<string, Json> {
  const node = deref(doc, schema ?? {}) ?? {};
  const parts = [node, ...((node.allOf ?? []) as Json[]).map((part) => deref(doc, part))];
  return Object.assign({}, ...parts.map((part) => part?.properties ?? {}));
}

/**
 * Top-level properties of an object schema (through allOf), or null when the schema is not an object.
 * A oneOf/anyOf of objects (a discriminated union) has the properties of every member.
 */
export function objectProperties(doc: Json, schema: Json): Record<string, Json> | null {
  const node = deref(doc, schema ?? {});
  const parts: Json[] = [node, ...((node.allOf ?? []) as Json[]).map((part) => deref(doc, part))];
  const members = ((node.oneOf ?? node.anyOf ?? []) as Json[]).map((member) => objectProperties(doc, member));
  const union = members.length && members.every(Boolean) ? Object.assign({}, ...members.reverse()) : null;
  if (!union && !parts.some((part) => part.type === "object" || part.properties)) return null;
  return Object.assign({}, union, ...parts.map((part) => part.properties ?? {}));
}

/** The raw operation object of the bundle. */
export const rawOperation = (doc: Json, method: string, path: string): Json => deref(doc, doc.paths?.[path])?.[method.toLowerCase()] ?? {};

/** A server's URL with its variables at their defaults (`https://{region}.api.test` → `https://eu.api.test`). */
export function serverUrl(server: Json): string {
  return String(server.url).replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}
