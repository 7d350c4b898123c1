// A tool's inputSchema: the SDK call's flat params object as one JSON Schema — the operation's path,
// query and header parameters under their spec names, then the JSON body's top-level (writable)
// properties ("flat" body mode) or the whole body under `body` ("body" mode), required as in the spec.
import { bodyModeOf, isJsonBody, objectShape, withoutRefs, type CliOperation, type JsonSchema } from "@repo/model";

export interface InputSchema {
  [keyword: string]: unknown;
  type: "object";
  properties: Record<string, JsonSchema>;
  required?: string[];
}

export function inputSchemaOf(op: CliOperation): InputSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const add = (name: string, schema: JsonSchema, isRequired: boolean, description?: string) => {
    if (name in properties) return;
    const text = description || (typeof schema.description === "string" ? schema.description : "");
    properties[name] = withoutRefs({ ...schema, ...(text ? { description: text } : {}) }) as JsonSchema;
    if (isRequired) required.push(name);
  };
  for (const p of op.parameters) add(p.name, p.schema, p.required, p.description);
  const body = op.requestBody;
  if (body) {
    const shape = isJsonBody(op) ? objectShape(body.schema) : null;
    if (shape && bodyModeOf(op) === "flat") {
      for (const [key, schema] of Object.entries(shape.properties)) {
        if (schema.readOnly === true) continue;
        add(key, schema, body.required && shape.required.has(key));
      }
    } else {
      add("body", body.schema, body.required, "The request body.");
    }
  }
  return { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

