// The TypeScript types of a bundled spec (openapi-typescript), with the options this project needs.
import openapiTS, { astToString } from "openapi-typescript";

/**
 * `defaultNonNullable: false`: a property with a `default` stays optional unless the schema lists it
 * in `required`. openapi-typescript's default makes it required, which breaks request bodies: a
 * caller would have to send every defaulted field (openapi-ts/openapi-typescript#2489). Answers are
 * unaffected where the spec lists its fields as required, as the spec guide asks.
 */
export async function typesOf(doc) {
  return astToString(await openapiTS(doc, { defaultNonNullable: false }));
}
