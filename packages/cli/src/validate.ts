// Checks a command's values against the operation's JSON Schemas (Ajv, draft 2020-12 like OpenAPI 3.1)
// before any request is sent, and words each problem in terms of the flag the user typed.
import Ajv2020Module, { type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OperationFlag } from "./flags.js";
import { withoutRefs, type JsonSchema } from "@repo/model";
import { didYouMean } from "./suggest.js";

// Both are CommonJS modules whose `default` is the export itself; this works bundled and unbundled.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

let ajv: InstanceType<typeof Ajv2020> | undefined;
function validator(): InstanceType<typeof Ajv2020> {
  // strict: false — OpenAPI adds keywords (example, discriminator, xml…) that are not JSON Schema's.
  // logger: false — a format Ajv does not know (upstream specs invent them: uint64, cidr) is not checked, and not printed
  ajv ??= addFormats(new Ajv2020({ strict: false, allErrors: true, verbose: true, validateSchema: false, logger: false }));
  return ajv;
}


/** Problems of `value` against `schema`, or null when the schema cannot be compiled (then the server judges). */
function check(schema: JsonSchema, value: unknown): ErrorObject[] | null {
  let validate;
  try {
    validate = validator().compile(withoutRefs(schema) as object);
  } catch {
    return null;
  }
  return validate(value) ? [] : (validate.errors ?? []);
}

/** The problems with an operation's parameters and body, each as one line naming the flag. */
export function validateInput(
  flags: readonly OperationFlag[],
  params: Record<string, unknown>,
  body: { value: unknown; schema: JsonSchema; fromData: boolean } | null,
): string[] {
  const problems: string[] = [];
  const paramFlags = flags.filter((f) => f.in !== "body");
  const paramSchema: JsonSchema = {
    type: "object",
    properties: Object.fromEntries(paramFlags.map((f) => [f.key, f.schema])),
    required: paramFlags.filter((f) => f.required).map((f) => f.key),
  };
  const byKey = (where: "param" | "body", key: string) =>
    flags.find((f) => f.key === key && (where === "body" ? f.in === "body" : f.in !== "body"));
  for (const error of check(paramSchema, params) ?? []) problems.push(describe(error, "param", byKey));
  if (body) {
    for (const error of check(body.schema, body.value) ?? []) problems.push(describe(error, "body", byKey, body.fromData));
  }
  return [...new Set(problems)];
}

function describe(
  error: ErrorObject,
  where: "param" | "body",
  byKey: (where: "param" | "body", key: string) => OperationFlag | undefined,
  fromData = false,
): string {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "required" && segments.length === 0) {
    const missing = String(error.params.missingProperty);
    const flag = byKey(where, missing);
    return flag ? `Missing required flag --${flag.flag}.` : `The body misses the required field "${missing}" (give it in --data).`;
  }
  const [top, ...rest] = segments;
  const flag = top === undefined ? undefined : byKey(where, top);
  const subject = flag
    ? `--${flag.flag}${rest.length ? ` (at ${rest.join(".")})` : ""}`
    : where === "body"
      ? `${fromData ? "--data" : "The body"}${segments.length ? ` field "${segments.join(".")}"` : ""}`
      : `Parameter ${segments.join(".")}`;
  switch (error.keyword) {
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => String(v));
      const hint = typeof error.data === "string" ? didYouMean(error.data, allowed) : "";
      return `${subject} must be one of: ${allowed.join(", ")} (got ${JSON.stringify(error.data)}).${hint}`;
    }
    case "additionalProperties": {
      const extra = String(error.params.additionalProperty);
      return `${subject} has an unknown field "${extra}".${didYouMean(extra, Object.keys((error.parentSchema?.properties as object) ?? {}))}`;
    }
    case "required":
      return `${subject} misses the required field "${String(error.params.missingProperty)}".`;
    default:
      return `${subject} ${error.message ?? "is not valid"}${error.keyword === "type" || error.keyword === "const" ? "" : ` (got ${JSON.stringify(error.data)})`}.`;
  }
}
