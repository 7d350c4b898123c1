// The TypeScript types of a bundled spec (openapi-typescript), with the options this project needs.
import openapiTS, { astToString } from "openapi-typescript";
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

/**
 * `defaultNonNullable: false`: a property with a `default` stays optional unless the schema lists it
 * in `required`. openapi-typescript's default makes it required, which breaks request bodies: a
 * caller would have to send every defaulted field (openapi-ts/openapi-typescript#2489). Answers are
 * unaffected where the spec lists its fields as required, as the spec guide asks.
 */
export async function typesOf(doc: Json): Promise<string> {
  return astToString(await openapiTS(withoutProtocolHeaders(doc), { defaultNonNullable: false }));
}
