// What makes a document unusable (the only things that stop a build): not OpenAPI 3.0/3.1, nothing to
// call (no paths, no webhooks). Style problems never stop it: they are the lint gate's business.
import type { Json } from "../api-model.js";
import { UsageError } from "./usage-error.js";

/** Throws one UsageError line naming `file` and the fix when `doc` is not an OpenAPI 3.x document with operations. */
export function assertUsableDocument(doc: Json, file: string): void {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new UsageError(`${file} is not an OpenAPI document (it holds no object).`);
  if (doc.swagger) throw new UsageError(`${file} is Swagger ${String(doc.swagger)}; convert it to OpenAPI 3 first (e.g. https://converter.swagger.io).`);
  if (!/^3\.[01]\.\d+/.test(String(doc.openapi ?? ""))) {
    throw new UsageError(`${file} has no \`openapi: 3.0.x\` or \`3.1.x\` field; only OpenAPI 3.0 and 3.1 are supported.`);
  }
  const count = (object: Json) => (object && typeof object === "object" ? Object.keys(object).length : 0);
  if (!count(doc.paths) && !count(doc.webhooks)) throw new UsageError(`${file} has no paths (and no webhooks): there is nothing to call.`);
}
