// Which request bodies carry files, read from the operation's media type and schema. The CLI's
// `--file`, the MCP tools' base64 arguments and the docs' upload samples all ask the same questions.
import { asSchemas, isRecord, objectShape } from "./call-shape.js";
import type { CliOperation, JsonSchema } from "./api-model.js";

type WithBody = Pick<CliOperation, "requestBody">;

/** A `multipart/…` body: fields, some of them files. */
export const isMultipartMedia = (contentType: string): boolean => /^multipart\//i.test(contentType);

/** A body that is bytes as they come: not JSON, not a form, not text the user types. */
export const isBytesMedia = (contentType: string): boolean => !/json|x-www-form-urlencoded|^multipart\/|^text\//i.test(contentType);

/** Whether a schema describes a file: `format: binary` (3.0), `contentMediaType`/`contentEncoding` (3.1). */
export function isFileSchema(schema: JsonSchema): boolean {
  if (schema.format === "binary" || typeof schema.contentMediaType === "string" || schema.contentEncoding === "binary") return true;
  if (isRecord(schema.items)) return isFileSchema(schema.items as JsonSchema);
  return asSchemas(schema.anyOf ?? schema.oneOf).some(isFileSchema);
}

/** The multipart body's file fields, in schema order (none for another body). */
export function fileFields(op: WithBody): string[] {
  const contentType = op.requestBody?.contentType ?? "";
  if (!op.requestBody || !isMultipartMedia(contentType)) return [];
  const shape = objectShape(op.requestBody.schema);
  return shape ? Object.entries(shape.properties).filter(([, schema]) => isFileSchema(schema)).map(([name]) => name) : [];
}

/** Whether the whole body is one file's bytes (application/octet-stream, an image…). */
export const sendsBytes = (op: WithBody): boolean => Boolean(op.requestBody) && isBytesMedia(op.requestBody?.contentType ?? "application/json");

/** Whether the operation uploads a file at all: a bytes body, or a multipart body with a file field. */
export const takesFile = (op: WithBody): boolean => sendsBytes(op) || fileFields(op).length > 0;
