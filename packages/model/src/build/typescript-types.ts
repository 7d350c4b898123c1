// The TypeScript types of a bundled spec (openapi-typescript), with the options this project needs.
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { Json } from "../api-model.js";
import { isProtocolHeader } from "../protocol-headers.js";
import { deref, HTTP_METHODS } from "../schema.js";

/** The spec without header parameters the client sets itself (Accept, Content-Type…), as the model has it. */
function withoutProtocolHeaders(doc: Json): Json {
  const copy = structuredClone(doc);
  const strip = (node: Json) => {
    if (Array.isArray(node?.parameters)) node.parameters = node.parameters.filter((p: Json) => !isProtocolHeader(deref(copy, p)));
  };
  for (const item of Object.values(copy.paths ?? {}) as Json[]) {
    strip(item);
    for (const method of HTTP_METHODS) strip(item?.[method]);
  }
  return copy;
}

const BLOB = ts.factory.createTypeReferenceNode("Blob");
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

/**
 * A file is a `Blob` (a `File` is one), as the client sends it: `format: binary` (OpenAPI 3.0), or in a
 * request body a string with a `contentMediaType` that is not base64 text (3.1). openapi-typescript's
 * default, `string`, would make the caller pass a file's bytes as text.
 */
function fileAsBlob(schema: Json, options: { path?: string }) {
  const binary = schema.format === "binary" || (typeof schema.contentMediaType === "string" && schema.contentEncoding !== "base64" && /\/requestBody\//.test(options.path ?? ""));
  if (!binary) return undefined;
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null"));
  return nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
}

/**
 * `defaultNonNullable: false`: a property with a `default` stays optional unless the schema lists it
 * in `required`. openapi-typescript's default makes it required, which breaks request bodies: a
 * caller would have to send every defaulted field (openapi-ts/openapi-typescript#2489). Answers are
 * unaffected where the spec lists its fields as required, as the spec guide asks.
 */
export async function typesOf(doc: Json): Promise<string> {
  return astToString(await openapiTS(withoutProtocolHeaders(doc), { defaultNonNullable: false, transform: fileAsBlob }));
}
