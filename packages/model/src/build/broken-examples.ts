// The spec's answer examples, checked against their schemas when the SDK's bundle is written: upstream
// specs carry examples that break their own schema (DigitalOcean's has dozens), and the mocks serve the
// bundle's examples, so one would make the mock break the spec it stands for. A broken example is left
// out of the bundle (the build names it); a media type left with none gets a value sampled from its
// schema (Redoc's openapi-sampler) when that value is valid, so every answer still has a body.
// The upstream file is untouched: only the generated bundle changes.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Json } from "../api-model.js";
import { deref, HTTP_METHODS } from "../schema.js";
import { sampleOf } from "./examples.js";

// Both are CommonJS modules whose `default` is the export itself.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export interface BrokenExample {
  method: string;
  path: string;
  status: string;
  mediaType: string;
  /** The example's name ("example" for the media type's single `example`). */
  example: string;
  /** What breaks, as ajv says it. */
  problem: string;
}

/** `#/components/…` refs pointed at the components registered as "spec", so any schema compiles alone. */
function rebased(node: Json): Json {
  if (Array.isArray(node)) return node.map(rebased);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `spec${value}` : rebased(value);
  return out;
}

/** A checker of values against the bundle's schemas: what ajv finds wrong, or undefined. */
function checker(doc: Json): (schema: Json, value: Json) => string | undefined {
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

/**
 * Removes from `doc` (a bundle, changed in place) every answer example that breaks its schema, and
 * returns them. A media type left with no example gets a valid sampled `example`.
 */
export function dropBrokenExamples(doc: Json): BrokenExample[] {
  let check: ReturnType<typeof checker> | undefined; // ajv only for a spec that has answer examples
  const broken: BrokenExample[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of HTTP_METHODS) {
      for (const [status, rawResponse] of Object.entries(item?.[method]?.responses ?? {})) {
        const response = deref(doc, rawResponse);
        for (const [mediaType, media] of Object.entries((response?.content ?? {}) as Record<string, Json>)) {
          if (!media?.schema || (media.example === undefined && !media.examples)) continue;
          check ??= checker(doc);
          const report = (example: string, problem: string) => broken.push({ method: method.toUpperCase(), path, status, mediaType, example, problem });
          // a response shared through a $ref is checked once, where it is first met; later uses see it fixed
          if (media.example !== undefined) {
            const problem = check(media.schema, media.example);
            if (problem) {
              report("example", problem);
              delete media.example;
            }
          }
          for (const [name, rawExample] of Object.entries((media.examples ?? {}) as Record<string, Json>)) {
            const example = deref(doc, rawExample);
            if (!example || !("value" in example)) continue; // an externalValue: nothing here to serve
            const problem = check(media.schema, example.value);
            if (problem) {
              report(name, problem);
              delete media.examples[name];
            }
          }
          if (media.examples && !Object.keys(media.examples).length) delete media.examples;
          if (media.example === undefined && !media.examples) {
            const sampled = sampleOf(doc, media.schema, "answer");
            if (sampled !== undefined && !check(media.schema, sampled)) media.example = sampled;
          }
        }
      }
    }
  }
  return broken;
}

/** What the build says of them: one line each. */
export const brokenExampleLines = (broken: readonly BrokenExample[]): string[] =>
  broken.map(({ method, path, status, mediaType, example, problem }) => `! example "${example}" of ${method} ${path} → ${status} ${mediaType} breaks its schema (${problem}): the mock serves a value of the schema instead`);
