// A oneOf with a discriminator, as the mocks serve it. OpenAPI picks the member by the discriminator's
// property; Prism does not read discriminators and holds a value to JSON Schema's oneOf, "exactly one
// member", which members that overlap make impossible: DigitalOcean's droplet actions offer a plain action
// and a snapshot (the same action with a `name`), so every body matches both and the mock refused every
// call. Served as anyOf, a value must still match a member; the discriminator is what picks one.
import type { Json } from "../api-model.js";
import { forEachSchemaNode } from "./schema-nodes.js";

/** Turns every `oneOf` that has a `discriminator` into `anyOf`, in place. */
export function discriminatedOneOfAsAnyOf(doc: Json): void {
  forEachSchemaNode(doc, (node) => {
    if (Array.isArray(node.oneOf) && node.discriminator && !node.anyOf) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
    }
  });
}

/**
 * Whether `value` names a member by its discriminator: the property's value is a key of the mapping (or,
 * without one, a member's schema name). An example that names none (DigitalOcean's `"reboot"`, missing from
 * the mapping) is valid JSON Schema but no member OpenAPI can pick, and the SDK's types refuse it.
 */
export function namesDiscriminatedMember(schema: Json, value: Json): boolean {
  const discriminator = schema?.discriminator;
  const members: Json[] | undefined = schema?.oneOf ?? schema?.anyOf;
  if (!discriminator?.propertyName || !members || !value || typeof value !== "object" || Array.isArray(value)) return true;
  const named = value[discriminator.propertyName];
  if (typeof named !== "string") return true; // a missing property is JSON Schema's to judge
  const mapping = discriminator.mapping && typeof discriminator.mapping === "object" ? Object.keys(discriminator.mapping) : [];
  const implicit = members.map((member) => (typeof member?.$ref === "string" ? member.$ref.split("/").pop() : undefined)).filter(Boolean);
  return mapping.includes(named) || (!mapping.length && implicit.includes(named));
}
