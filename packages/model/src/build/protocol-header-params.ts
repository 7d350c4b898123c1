// The spec without the header parameters the client sets itself (Accept, Content-Type…): OpenAPI says an
// Accept, Content-Type or Authorization parameter SHALL be ignored, and the model, the SDK's types and the
// bundle the mocks serve all leave them out. Prism does not ignore them: a declared `Accept` with an enum
// would refuse a curl sample that sends none, as the real API would not.
import type { Json } from "../api-model.js";
import { isProtocolHeader } from "../protocol-headers.js";
import { deref, HTTP_METHODS } from "../schema.js";

/** A copy of `doc` without header parameters the client sets itself, on every path item and operation. */
export function withoutProtocolHeaders(doc: Json): Json {
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
