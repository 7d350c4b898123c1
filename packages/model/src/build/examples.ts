// The SDK params of a call built from the spec's examples (else values sampled from its schemas), which
// docs samples, CLI tests and the SDK's every-operation test all start from.
import type { Json, ModelOperation } from "../api-model.js";
import { deref } from "../schema.js";
import { checker, sampleOf, validValue, withoutUndeclared } from "./valid-values.js";

export { sampleOf };

/** The first example a spec gives for a parameter or schema: `example`, `examples`, `default`, `enum[0]`. */
function firstExample(doc: Json, node: Json): Json {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  if (node.examples && typeof node.examples === "object") {
    const first = Array.isArray(node.examples) ? node.examples[0] : Object.values(node.examples)[0];
    if (first !== undefined) return Array.isArray(node.examples) ? first : deref(doc, first).value;
  }
  if (node.schema) return firstExample(doc, deref(doc, node.schema));
  if (node.default !== undefined) return node.default;
  return node.enum?.[0];
}

/**
 * The SDK `params` of a call built from the spec's examples: every required parameter (the
 * idempotency key aside: the SDK sends one) and the request body example, flat or under `body`.
 * Docs samples, CLI tests and the SDK's every-operation test all start from it.
 */
export function exampleParams(
  doc: Json,
  rawParameters: readonly Json[],
  media: Json,
  operation: Pick<ModelOperation, "bodyMode" | "idempotencyHeader">,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const raw of rawParameters) {
    const param = deref(doc, raw);
    if (!param.required || param.name === operation.idempotencyHeader) continue;
    params[param.name] = firstExample(doc, param) ?? sampleOf(doc, param.schema) ?? null;
  }
  if (operation.bodyMode) {
    // the spec's example when it is valid (upstream ones may not be), else a valid value of the schema
    const given = firstExample(doc, media) ?? firstExample(doc, deref(doc, media?.schema ?? {}));
    const chosen = (media?.schema ? validValue(doc, media.schema, "request", [given]) : undefined) ?? given ?? sampleOf(doc, media?.schema) ?? {};
    // the fields the schema declares (what the SDK's types accept), unless leaving the others out breaks it
    const declared = media?.schema ? withoutUndeclared(doc, media.schema, chosen) : chosen;
    const body = media?.schema && !checker(doc)(media.schema, declared) ? declared : chosen;
    if (operation.bodyMode === "flat") Object.assign(params, body);
    else params.body = body;
  }
  return params;
}
