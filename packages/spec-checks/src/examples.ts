// Gate 3 — examples: every example in a bundled spec (media types, parameters, headers, named examples
// in components, and `examples`/`example` inside schemas) validates against its schema with Ajv's
// JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1) and ajv-formats.
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "./findings.js";
import { fromRoot } from "./repo.js";

// ajv-formats is CommonJS (`exports.default = formatsPlugin`): under NodeNext its plugin is `.default`.
const addFormats = ajvFormats.default.default;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** One example to check: its value, the schema it must match, and where it was written. */
export interface ExampleCase {
  where: string;
  schema: Json;
  value: unknown;
}

const escape = (key: string | number) => String(key).replaceAll("~", "~0").replaceAll("/", "~1");

/** Follows a local `$ref` (`#/components/examples/X`) inside the bundle. */
function resolveLocal(doc: Json, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 20; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`Only local $refs are expected in a bundle, found "${ref}".`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((parent, key) => (isObject(parent) ? parent[key] : undefined), doc);
  }
  return current;
}

// Keywords whose value is a subschema, a map of subschemas, or a list of subschemas (JSON Schema 2020-12).
const SUBSCHEMA = new Set(["items", "not", "additionalProperties", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems"]);
const SUBSCHEMA_MAP = new Set(["properties", "$defs", "patternProperties", "dependentSchemas"]);
const SUBSCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

/** Every example of the document with the schema it must satisfy. */
export function collectExamples(doc: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];

  const visitSchema = (node: unknown, pointer: string): void => {
    if (!isObject(node)) return;
    if (Array.isArray(node.examples)) {
      node.examples.forEach((value, index) => cases.push({ where: `${pointer}/examples/${index}`, schema: node, value }));
    }
    if (node.example !== undefined) cases.push({ where: `${pointer}/example`, schema: node, value: node.example });
    for (const [key, child] of Object.entries(node)) {
      const at = `${pointer}/${escape(key)}`;
      if (SUBSCHEMA.has(key)) visitSchema(child, at);
      else if (SUBSCHEMA_MAP.has(key) && isObject(child)) for (const [name, sub] of Object.entries(child)) visitSchema(sub, `${at}/${escape(name)}`);
      else if (SUBSCHEMA_LIST.has(key) && Array.isArray(child)) child.forEach((sub, index) => visitSchema(sub, `${at}/${index}`));
    }
  };

  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (!isObject(node)) return;
    // Media type, parameter or header: `schema` next to `example` / `examples` (a map of Example objects).
    if (isObject(node.schema)) {
      if (node.example !== undefined) cases.push({ where: `${pointer}/example`, schema: node.schema, value: node.example });
      if (isObject(node.examples)) {
        for (const [name, raw] of Object.entries(node.examples)) {
          const example = resolveLocal(doc, raw);
          if (!isObject(example) || !("value" in example)) continue; // externalValue: nothing to read offline
          const from = isObject(raw) && typeof raw.$ref === "string" ? ` (${raw.$ref})` : "";
          cases.push({ where: `${pointer}/examples/${escape(name)}${from}`, schema: node.schema, value: example.value });
        }
      }
    }
    for (const [key, child] of Object.entries(node)) {
      const at = `${pointer}/${escape(key)}`;
      if (key === "example" || key === "examples") continue;
      if (key === "schema") visitSchema(child, at);
      else if (pointer === "#/components" && key === "schemas" && isObject(child)) {
        for (const [name, schema] of Object.entries(child)) visitSchema(schema, `${at}/${escape(name)}`);
      } else visit(child, at);
    }
  };

  visit(doc, "#");
  return cases;
}

/**
 * Where a named example is written: its own file (Redocly names bundled components after their files),
 * else the components of the root document (a one-file spec).
 */
function sourceOf(where: string, specDir: string | undefined): string {
  const name = /\(#\/components\/examples\/([^)]+)\)/.exec(where)?.[1];
  if (!specDir || !name) return "spec/";
  const file = join(specDir, "components", "examples", `${name}.yaml`);
  return existsSync(file) ? fromRoot(file) : `${fromRoot(join(specDir, "openapi.yaml"))}#/components/examples/${name}`;
}

/**
 * Validates every example of the bundle; returns one finding per example that does not match.
 * `specDir` (spec/<api>) lets a finding name the example's source file.
 */
export function validateExamples(doc: Json, file: string, specDir?: string): { checked: number; findings: Finding[] } {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const cases = collectExamples(doc);
  const findings: Finding[] = [];
  for (const example of cases) {
    // Compile the schema as the root of a document that also carries the bundle's components, so the
    // bundle's `#/components/...` refs resolve exactly as they do for every OpenAPI tool.
    const validate = ajv.compile({ ...example.schema, components: doc.components });
    if (!validate(example.value)) {
      const errors = (validate.errors ?? []) as ErrorObject[];
      findings.push({
        where: `${file} ${example.where}`,
        rule: "example-matches-schema",
        message: `example does not match its schema: ${ajv.errorsText(errors, { dataVar: "example" })}. Fix the example (or the schema) in ${sourceOf(example.where, specDir)}.`,
      });
    }
  }
  return { checked: cases.length, findings };
}
