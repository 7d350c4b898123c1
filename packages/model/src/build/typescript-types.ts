// The TypeScript types of a bundled spec (openapi-typescript), with the options this project needs.
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import type { Json } from "../api-model.js";
import { withoutProtocolHeaders } from "./protocol-header-params.js";
import { forEachSchemaNode } from "./schema-nodes.js";

/**
 * Every schema with the fields its `required` names declared: an upstream schema may require one it never
 * defines (DigitalOcean's Logtail destination requires `endpoint`), which JSON Schema and the API demand
 * but openapi-typescript leaves out of the type, so a valid call would not type-check. The field is added
 * as `{}` (unknown): where another part of the schema (allOf, the parent of a oneOf branch) types it, the
 * intersection keeps that type.
 */
function withRequiredDeclared(doc: Json): Json {
  forEachSchemaNode(doc, (node) => {
    if (!Array.isArray(node.required) || !node.required.every((name: unknown) => typeof name === "string") || node.$ref) return;
    const missing = (node.required as string[]).filter((name) => !(node.properties && Object.hasOwn(node.properties, name)));
    if (missing.length) node.properties = { ...node.properties, ...Object.fromEntries(missing.map((name) => [name, {}])) };
  });
  return doc;
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
  return astToString(await openapiTS(withRequiredDeclared(withoutProtocolHeaders(doc)), { defaultNonNullable: false, transform: fileAsBlob }));
}
