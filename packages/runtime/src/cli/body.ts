// How the SDK's flat params carry an operation's body: the model says; older models are inferred alike.
import { isJsonBody, objectShape } from "./flags.js";
import type { ModelOperation } from "./model.js";

/** "flat": body properties sit next to the parameters; "body": the body goes under a `body` key. */
export function bodyModeOf(op: ModelOperation): "flat" | "body" {
  if (op.bodyMode) return op.bodyMode;
  const shape = isJsonBody(op) && op.requestBody ? objectShape(op.requestBody.schema) : null;
  if (!shape) return "body";
  const names = new Set(op.parameters.map((p) => p.name));
  return Object.keys(shape.properties).some((name) => names.has(name) || name === "body") ? "body" : "flat";
}
