// A tool's inputSchema: the SDK call's flat params object as one JSON Schema — the operation's path,
// query and header parameters under their spec names, then the JSON body's top-level (writable)
// properties ("flat" body mode) or the whole body under `body` ("body" mode), required as in the spec.
// A file the call uploads is a base64 string (uploads.ts).
import { bodyModeOf, fileFields, isJsonBody, objectShape, sendsBytes, withoutRefs, type CliOperation, type JsonSchema } from "@repo/model";
import { base64Schema } from "./uploads.js";

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
    } else if (sendsBytes(op)) {
      add("body", base64Schema(`The request body (${body.contentType})`, body.contentType), body.required);
    } else if (fileFields(op).length) {
      add("body", formSchema(op), body.required, `The request body (${body.contentType}).`);
    } else {
      add("body", body.schema, body.required, "The request body.");
    }
  }
  return { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false };
}


/** A multipart body's schema with each file field a base64 string. */
function formSchema(op: CliOperation): JsonSchema {
  const shape = objectShape(op.requestBody!.schema)!;
  const files = new Set(fileFields(op));
  const properties = Object.fromEntries(
    Object.entries(shape.properties).map(([name, schema]) => [name, files.has(name) ? base64Schema(`The file of the form field "${name}"`) : schema]),
  );
  return { type: "object", properties, ...(shape.required.size ? { required: [...shape.required] } : {}) };
}
