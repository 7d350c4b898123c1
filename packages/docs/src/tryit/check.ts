// The body check of the panel: the reader's JSON against the operation's request body schema (the
// model's, inlined), as they type, so a bad body is flagged before it is sent.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ModelOperation } from "@repo/model";

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

type Validate = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; message?: string; params?: object }> | null };

let ajv: InstanceType<typeof Ajv2020> | undefined;
const compiled = new Map<string, Validate | null>();

function validatorOf(op: ModelOperation): Validate | null {
  if (!op.requestBody) return null;
  if (!compiled.has(op.operationId)) {
    ajv ??= (() => {
      const instance = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
      addFormats(instance);
      return instance;
    })();
    let validate: Validate | null = null;
    try {
      validate = ajv.compile(op.requestBody.schema) as Validate;
    } catch {
      // a schema Ajv cannot compile is not checked here (the judge still is)
    }
    compiled.set(op.operationId, validate);
  }
  return compiled.get(op.operationId) ?? null;
}

/**
 * What is wrong with `text` as the body of `op` (empty: nothing); JSON media types, and a form's typed
 * fields. `chosenApart`: a form's file fields, which file inputs fill, so neither missing nor checked here.
 */
export function checkBody(op: ModelOperation, text: string, chosenApart: readonly string[] = []): string[] {
  if (!text.trim()) return op.requestBody?.required ? ["body: required by the operation"] : [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [`body: not JSON (${(error as Error).message})`];
  }
  const validate = validatorOf(op);
  if (!validate || validate(value)) return [];
  const apart = (error: { instancePath: string; params?: object }) =>
    chosenApart.includes(String((error.params as { missingProperty?: unknown } | undefined)?.missingProperty ?? "")) && !error.instancePath;
  return (validate.errors ?? []).filter((error) => !apart(error)).map((error) => `${error.instancePath ? `body${error.instancePath.replaceAll("/", ".")}` : "body"}: ${error.message ?? "is invalid"}${extra(error.params)}`);
}

/** The name Ajv's message leaves out (the missing property, the unexpected one, the allowed values). */
function extra(params: object | undefined): string {
  const p = (params ?? {}) as Record<string, unknown>;
  if (p.additionalProperty) return ` (${String(p.additionalProperty)})`;
  if (Array.isArray(p.allowedValues)) return ` (${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")})`;
  return "";
}
