// Reading the bundled spec: refs, the responses an operation declares, their examples and headers.
// The engine answers from these, so what it says is what the spec says unless state says otherwise.

import { sample } from "openapi-sampler";
import { deref, rawOperation, type Json } from "@repo/model";

// the spec helpers every package shares (@repo/model), under the names the engine uses
export { allOfProperties as propertiesOf, deref, objectProperties, rawOperation } from "@repo/model";
export type { Json };

export interface SpecResponse {
  status: string;
  schema: Json | undefined;
  /** Named examples of the body, in spec order (`example` becomes one named "default"). */
  examples: Array<[string, Json]>;
  /** The body's media type: JSON when the spec offers it, else its first (text/csv, application/pdf…). */
  contentType: string;
  headers: Record<string, Json>;
}

/** Every response an operation declares, with its JSON schema, examples and headers resolved. */
export function responsesOf(doc: Json, method: string, path: string): SpecResponse[] {
  const raw = rawOperation(doc, method, path);
  return Object.entries(raw.responses ?? {}).map(([status, ref]) => {
    const response = deref(doc, ref) ?? {};
    const types = Object.keys(response.content ?? {});
    const contentType = types.find((type) => /^[^/]+\/([^;]*\+)?json\s*(;|$)/i.test(type)) ?? types[0] ?? "application/json";
    const media = response.content?.[contentType];
    const examples: Array<[string, Json]> = Object.entries(media?.examples ?? {}).map(([name, example]) => [name, deref(doc, example)?.value]);
    if (media?.example !== undefined) examples.unshift(["default", media.example]);
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, header]) => [name, deref(doc, header)]));
    return { status, schema: media?.schema, examples, headers, contentType };
  });
}

/** The example value of a header (or parameter): `example`, the first of `examples`, the schema's. */
export function exampleOf(doc: Json, node: Json): Json {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  const named = Object.values(node.examples ?? {})[0];
  if (named !== undefined) return Array.isArray(node.examples) ? named : deref(doc, named)?.value;
  const schema = deref(doc, node.schema ?? {});
  return schema?.example ?? schema?.examples?.[0] ?? schema?.default ?? schema?.enum?.[0];
}

/**
 * A value valid for `schema`, for an answer the spec gives no example of (Redocly's openapi-sampler,
 * what Redoc shows; it runs in browsers too): property examples, defaults, enums and formats.
 */
export function sampleOf(doc: Json, schema: Json): Json {
  if (!schema) return undefined;
  try {
    return sample(schema, { skipWriteOnly: true, quiet: true, enablePatterns: true }, doc);
  } catch {
    return undefined;
  }
}

/** The JSON type of a value, as a schema's `type` names it. */
const typeOf = (value: Json): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value;

/**
 * Whether `value` has the types `schema` allows, down its arrays' items and objects' properties (through
 * refs, unions and allOf; not a full validation): a create body's `image: "ubuntu"` does not fit the
 * item's `image` object, nor `metrics: ["id"]` its array of metric objects.
 */
export function fits(doc: Json, schema: Json, value: Json): boolean {
  const node = deref(doc, schema ?? {}) ?? {};
  const members: Json[] | undefined = node.oneOf ?? node.anyOf;
  if (members && !members.some((member) => fits(doc, member, value))) return false;
  if (node.allOf && !(node.allOf as Json[]).every((part) => fits(doc, part, value))) return false;
  const types = [node.type].flat().filter(Boolean) as string[];
  if (value === null && node.nullable) return true;
  const actual = typeOf(value);
  if (types.length && !types.some((type) => type === actual || (type === "number" && actual === "integer"))) return false;
  if (actual === "array" && node.items) return (value as Json[]).every((entry) => fits(doc, node.items, entry));
  if (actual === "object" && node.properties) return Object.entries(value).every(([key, entry]) => !(key in node.properties) || fits(doc, node.properties[key], entry));
  return true;
}

/** The required properties of an object schema, through refs and allOf. */
export function requiredOf(doc: Json, schema: Json): string[] {
  const node = deref(doc, schema ?? {}) ?? {};
  return [node, ...((node.allOf ?? []) as Json[]).map((part) => deref(doc, part))].flatMap((part) => (part?.required ?? []) as string[]);
}

/** A deep copy of JSON data (examples are shared by every answer). */
export const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
