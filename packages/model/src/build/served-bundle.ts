// The bundle the mocks serve (the SDK's generated/openapi.json, the repository's served/openapi.json),
// made from the bundle as written (what the gates lint and check) in one place, so both serve the same.
import type { Json } from "../api-model.js";
import { dropBrokenExamples, type BrokenExample } from "./broken-examples.js";
import { discriminatedOneOfAsAnyOf } from "./discriminated-unions.js";
import { withoutProtocolHeaders } from "./protocol-header-params.js";

/**
 * `written` without the header parameters the client sets itself (OpenAPI ignores them, Prism would not),
 * its discriminated oneOfs as anyOf (the discriminator picks the member; Prism reads neither it nor
 * overlapping members kindly), and without an answer example that breaks its schema (returned, for the
 * build to name). `written` is not changed.
 */
export function servedBundle(written: Json): { doc: Json; broken: BrokenExample[] } {
  const doc = withoutProtocolHeaders(written);
  discriminatedOneOfAsAnyOf(doc);
  return { doc, broken: dropBrokenExamples(doc) };
}
