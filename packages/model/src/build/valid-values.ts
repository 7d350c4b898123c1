// Values valid against the bundle's own schemas: upstream specs carry examples that break them (in
// answers, request bodies and the schemas themselves), and what the mocks serve and the tests send must not.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { sample } from "openapi-sampler";
import type { Json } from "../api-model.js";
import { deref } from "../schema.js";
import { namesDiscriminatedMember } from "./discriminated-unions.js";

// Both are CommonJS modules whose `default` is the export itself.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/**
 * A value valid for `schema` when the spec gives no example (Redocly's openapi-sampler, what Redoc
 * shows): property examples, defaults, enums and formats (a UUID, a date) where the schema has them.
 * A request leaves out readOnly properties, an answer writeOnly ones.
 */
export function sampleOf(doc: Json, schema: Json, side: "request" | "answer" = "request", { requiredOnly = false } = {}): Json {
  if (!schema) return undefined;
  try {
    const options = { ...(side === "request" ? { skipReadOnly: true } : { skipWriteOnly: true }), skipNonRequired: requiredOnly, quiet: true, enablePatterns: true };
    return sample(schema, options, doc);
  } catch {
    return undefined; // a schema the sampler cannot read (a cycle it gives up on): no example
  }
}

/** `#/components/…` refs pointed at the components registered as "spec", so any schema compiles alone. */
function rebased(node: Json): Json {
  if (Array.isArray(node)) return node.map(rebased);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `spec${value}` : rebased(value);
  return out;
}

/** One checker per bundle: compiling its components is most of the cost. */
const checkers = new WeakMap<object, ReturnType<typeof makeChecker>>();
export const checker = (doc: Json): ReturnType<typeof makeChecker> => {
  let check = checkers.get(doc);
  if (!check) checkers.set(doc, (check = makeChecker(doc)));
  return check;
};

/** The bundle without its examples (a property named `example` stays), for a sample of types, formats and defaults only. */
const withoutExamples = (node: Json, underProperties = false): Json => {
  if (Array.isArray(node)) return node.map((item) => withoutExamples(item));
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => underProperties || (key !== "example" && key !== "examples"))
      .map(([key, value]) => [key, withoutExamples(value, key === "properties" && !underProperties)]),
  );
};
const bare = new WeakMap<object, Json>();

/**
 * A value of `schema` valid against it: the first valid of `candidates` (the spec's examples), else a
 * sample (which reads the schema's own examples), else a sample of types, formats and defaults alone
 * (upstream schemas' own examples break them too), else one of its required properties alone; each also
 * with the required properties the schema never defines filled in; undefined when none is valid.
 */
export function validValue(doc: Json, schema: Json, side: "request" | "answer", candidates: readonly Json[] = []): Json {
  const check = checker(doc);
  const node = deref(doc, schema ?? {});
  // valid JSON Schema, and naming a member by its discriminator where the schema has one (OpenAPI's reading)
  const passes = (value: Json) => !check(schema, value) && namesDiscriminatedMember(node, value);
  const valid = (value: Json): Json => {
    if (value === undefined) return undefined;
    if (passes(value)) return value;
    const filled = withUndefinedRequired(doc, schema, value);
    return passes(filled) ? filled : undefined;
  };
  for (const candidate of candidates) if (valid(candidate) !== undefined) return valid(candidate);
  const sampled = valid(sampleOf(doc, schema, side));
  if (sampled !== undefined) return sampled;
  let plain = bare.get(doc);
  if (!plain) bare.set(doc, (plain = withoutExamples(doc)));
  // last, the required properties alone: an optional one may have no valid sample (a `null` default of a union)
  return valid(sampleOf(plain, withoutExamples(schema), side)) ?? valid(sampleOf(plain, withoutExamples(schema), side, { requiredOnly: true }));
}

/**
 * `value` with a string for each required property its schema never defines, at any depth (any value is
 * valid for it, and no sampler makes one: DigitalOcean's uptime check requires an undefined `method`).
 */
function withUndefinedRequired(doc: Json, schema: Json, value: Json, depth = 0): Json {
  if (!value || typeof value !== "object" || depth > 20) return value;
  const node = deref(doc, schema ?? {}) ?? {};
  if (Array.isArray(value)) return node.items ? value.map((entry) => withUndefinedRequired(doc, node.items, entry, depth + 1)) : value;
  const parts: Json[] = [node, ...((node.allOf ?? []) as Json[]).map((part) => deref(doc, part) ?? {})];
  const properties: Record<string, Json> = Object.assign({}, ...parts.map((part) => part.properties ?? {}));
  const out: Record<string, Json> = {};
  for (const [key, entry] of Object.entries(value)) out[key] = key in properties ? withUndefinedRequired(doc, properties[key], entry, depth + 1) : entry;
  for (const name of parts.flatMap((part) => (part.required ?? []) as string[])) if (!(name in properties) && !(name in out)) out[name] = "string";
  return out;
}

/**
 * `value` without the object properties its schema never declares, at any depth: an upstream example may
 * carry fields the schema left out (DigitalOcean's), which JSON Schema lets through but a typed client
 * refuses (TypeScript's excess-property check). A property stays where any part of the schema (allOf,
 * oneOf, anyOf) declares it, and every property stays where the object admits others (additionalProperties,
 * patternProperties) or declares none. The caller keeps the value as it was when this one is not valid.
 */
export function withoutUndeclared(doc: Json, schema: Json, value: Json, depth = 0): Json {
  if (!value || typeof value !== "object" || depth > 20) return value;
  const node = deref(doc, schema ?? {}) ?? {};
  if (Array.isArray(value)) return node.items ? value.map((entry) => withoutUndeclared(doc, node.items, entry, depth + 1)) : value;
  const parts: Json[] = [];
  const collect = (part: Json, level: number) => {
    const resolved = deref(doc, part ?? {}) ?? {};
    parts.push(resolved);
    if (level < 5) for (const key of ["allOf", "oneOf", "anyOf"]) for (const child of (resolved[key] ?? []) as Json[]) collect(child, level + 1);
  };
  collect(node, 0);
  const properties: Record<string, Json> = Object.assign({}, ...parts.map((part) => part.properties ?? {}));
  const open = parts.some((part) => (part.additionalProperties !== undefined && part.additionalProperties !== false) || part.patternProperties) || !Object.keys(properties).length;
  const out: Record<string, Json> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key in properties) out[key] = withoutUndeclared(doc, properties[key], entry, depth + 1);
    else if (open) out[key] = entry;
  }
  return out;
}

/** A checker of values against the bundle's schemas: what ajv finds wrong, or undefined. */
function makeChecker(doc: Json): (schema: Json, value: Json) => string | undefined {
  // logger: false — a format ajv does not know (upstream specs invent them) is ignored without a console line
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addSchema({ $id: "spec", components: rebased(doc.components ?? {}) });
  // compiled once per distinct schema: many answers share one `$ref` (a big spec's compile time)
  const compiled = new Map<string, ((value: Json) => boolean) & { errors?: unknown } | null>();
  return (schema, value) => {
    const key = JSON.stringify(schema);
    if (!compiled.has(key)) {
      try {
        compiled.set(key, ajv.compile(rebased(schema)));
      } catch {
        compiled.set(key, null); // a schema ajv cannot compile is not judged here (Prism still judges every answer)
      }
    }
    const validate = compiled.get(key);
    if (!validate || validate(value)) return undefined;
    return ajv.errorsText(validate.errors as Parameters<typeof ajv.errorsText>[0], { dataVar: "example" });
  };
}

