// Checks a tool call's arguments against its inputSchema (Ajv, draft 2020-12 like OpenAPI 3.1) before
// any request, and words each problem by the argument's name, so the model can correct its call.
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { InputSchema } from "./input-schema.js";

// Both are CommonJS modules whose `default` is the export itself; this works bundled and unbundled.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

let ajv: InstanceType<typeof Ajv2020> | undefined;
const compiled = new WeakMap<InputSchema, ValidateFunction | null>();

function validatorOf(schema: InputSchema): ValidateFunction | null {
  if (compiled.has(schema)) return compiled.get(schema) ?? null;
  // strict: false — OpenAPI adds keywords (example, discriminator, xml…) that are not JSON Schema's.
  ajv ??= addFormats(new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false }));
  let validate: ValidateFunction | null;
  try {
    validate = ajv.compile(schema);
  } catch {
    validate = null; // a schema Ajv cannot compile: the API judges the call
  }
  compiled.set(schema, validate);
  return validate;
}

/** The problems with `args`, one line each (empty when they are valid). */
export function argumentProblems(schema: InputSchema, args: unknown): string[] {
  if (typeof args !== "object" || args === null || Array.isArray(args)) return ["the arguments must be a JSON object"];
  const validate = validatorOf(schema);
  if (!validate || validate(args)) return [];
  return [...new Set((validate.errors ?? []).map(describe))];
}

function describe(error: ErrorObject): string {
  const where = error.instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") return `${where ? `${where}.` : ""}${String(params.missingProperty)}: required`;
  if (error.keyword === "additionalProperties") return `${where ? `${where}.` : ""}${String(params.additionalProperty)}: not an argument of this tool`;
  if (error.keyword === "enum") return `${where || "(arguments)"}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  return `${where || "(arguments)"}: ${error.message ?? error.keyword}`;
}
