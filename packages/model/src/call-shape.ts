// The shape of an SDK call's params, which the CLI's flags, the MCP tools' input schemas and the docs
// samples all follow: an operation's parameters, then its JSON body's top-level properties ("flat") or
// the whole body under `body` (the model's bodyMode, decided once by the builder).
import type { CliOperation, JsonSchema } from "./api-model.js";

/**
 * The top-level properties of an object schema (merged through allOf) and the names it requires. A
 * oneOf/anyOf of objects (a discriminated union) has every member's properties, requires what all
 * members require, and its discriminator takes any member's value (the whole body is validated against
 * the schema before it is sent).
 */
export function objectShape(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: Set<string> } | null {
  const parts = [schema, ...asSchemas(schema.allOf)];
  const union = unionShape(asSchemas(schema.oneOf ?? schema.anyOf));
  if (!union && !parts.some((part) => part.type === "object" || isRecord(part.properties))) return null;
  const properties: Record<string, JsonSchema> = { ...union?.properties };
  const required = new Set<string>(union?.required);
  for (const part of parts) {
    if (isRecord(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) for (const name of part.required) if (typeof name === "string") required.add(name);
  }
  return { properties, required };
}

/** Is the body sent as JSON (so its properties can be flags)? */
export const isJsonBody = (operation: Pick<CliOperation, "requestBody">): boolean =>
  Boolean(operation.requestBody && /json/i.test(operation.requestBody.contentType ?? "application/json"));

/** "flat": body properties sit next to the parameters; "body": the body goes under a `body` key. */
export const bodyModeOf = (operation: Pick<CliOperation, "bodyMode">): "flat" | "body" => operation.bodyMode ?? "body";

/**
 * The model keeps a `$ref` where a schema refers to itself; a schema that must stand alone (a tool's
 * input, a validator's) accepts anything on such a branch and the API judges it.
 */
export function withoutRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRefs);
  if (!schema || typeof schema !== "object") return schema;
  if ("$ref" in schema) return {};
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withoutRefs(value)]));
}

/** The members' properties merged (a const or enum of each joined into one enum); null unless all are objects. */
function unionShape(members: JsonSchema[]): { properties: Record<string, JsonSchema>; required: Set<string> } | null {
  const shapes = members.map(objectShape).filter((shape) => shape !== null);
  if (!shapes.length || shapes.length !== members.length) return null;
  const values = (schema: JsonSchema): unknown[] | undefined => ("const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined);
  const properties: Record<string, JsonSchema> = {};
  for (const shape of shapes) {
    for (const [name, schema] of Object.entries(shape.properties)) {
      const seen = properties[name];
      const [a, b] = [seen && values(seen), values(schema)];
      if (!seen) properties[name] = schema;
      else if (a && b) {
        const { const: _one, ...rest } = seen;
        properties[name] = { ...rest, enum: [...new Set([...a, ...b])] };
      }
    }
  }
  const required = new Set([...shapes[0]!.required].filter((name) => shapes.every((shape) => shape.required.has(name))));
  return { properties, required };
}

export function isRecord(value: unknown): value is Record<string, JsonSchema> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asSchemas(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
