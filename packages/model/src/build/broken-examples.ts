// The spec's answer examples, checked against their schemas when the SDK's bundle is written: upstream
// specs carry examples that break their own schema (DigitalOcean's has dozens), and the mocks serve the
// bundle's examples, so one would make the mock break the spec it stands for. A broken example is left
// out of the bundle (the build names it); a media type left with none gets a value sampled from its
// schema (Redoc's openapi-sampler) when that value is valid, so every answer still has a body.
// The upstream file is untouched: only the generated bundle changes.
import type { Json } from "../api-model.js";
import { deref, HTTP_METHODS } from "../schema.js";
import { checker, sampleOf, validValue } from "./valid-values.js";

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
          if (!media?.schema) continue;
          check ??= checker(doc);
          const report = (example: string, problem: string) => broken.push({ method: method.toUpperCase(), path, status, mediaType, example, problem });
          if (media.example === undefined && !media.examples) {
            // no example: a mock builds one from the schema's own examples, which may break it too
            const sampled = sampleOf(doc, media.schema, "answer");
            const problem = sampled === undefined ? undefined : check(media.schema, sampled);
            if (!problem) continue;
            report("(the schema's examples)", problem);
            const valid = validValue(doc, media.schema, "answer");
            if (valid !== undefined) media.example = valid;
            continue;
          }
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
            const valid = validValue(doc, media.schema, "answer");
            if (valid !== undefined) media.example = valid;
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
