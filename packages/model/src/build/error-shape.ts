// Where the fields of an error body live (code, message, details, request id), read from the spec's
// error schema, so every SDK's ApiError and the mock's error answers speak the API's own shape.
import type { ErrorShape, Json } from "../api-model.js";
import { isJsonMedia } from "../media-types.js";
import { deref, HTTP_METHODS, objectProperties } from "../schema.js";

const REQUEST_ID_HEADER = /^x?-?(request|response|correlation|trace)-?id$/i;
const FIELD_CANDIDATES: Record<"code" | "message" | "title" | "details" | "requestId", string[]> = {
  code: ["code", "error_code", "errorCode", "type"],
  message: ["message", "detail", "error_description", "error_message", "errorMessage", "msg"],
  title: ["title"],
  details: ["details", "errors", "violations", "invalid_params"],
  requestId: ["request_id", "requestId", "response_id", "trace_id", "traceId", "correlation_id"],
};

/**
 * Where the fields of an error live, read from the schema most 4xx/5xx responses use: the path to the
 * object holding them (`[]` for Cloudnode's flat body, `["error"]` for CloudNexus's envelope), the name
 * of each field, and the response header carrying the request id. `x-error-fields` on the schema that
 * holds them (or on an envelope's property) names the fields; else they are inferred by common names.
 */
export function errorShape(doc: Json): ErrorShape {
  const counts = new Map<string, { schema: Json; n: number }>();
  // the request-id header of error responses (what an ApiError reports), else of any response
  const requestIdHeaders: { error: string | null; any: string | null } = { error: null, any: null };
  for (const item of Object.values(doc.paths ?? {}).map((i) => deref(doc, i)) as Json[]) {
    for (const method of HTTP_METHODS) {
      for (const [status, raw] of Object.entries(item[method]?.responses ?? {})) {
        const response = deref(doc, raw);
        const header = Object.keys(response.headers ?? {}).find((name) => REQUEST_ID_HEADER.test(name));
        if (header) {
          requestIdHeaders.any ??= header;
          if (/^[45]/.test(status)) requestIdHeaders.error ??= header;
        }
        const json = Object.keys(response.content ?? {}).find(isJsonMedia);
        const schema = json && response.content[json].schema;
        if (!/^[45]/.test(status) || !schema) continue;
        const key = schema.$ref ?? JSON.stringify(schema);
        counts.set(key, { schema, n: (counts.get(key)?.n ?? 0) + 1 });
      }
    }
  }
  const requestIdHeader = requestIdHeaders.error ?? requestIdHeaders.any;
  const shape: { -readonly [K in keyof ErrorShape]: ErrorShape[K] } = { path: [], code: null, message: null, title: null, details: null, requestId: null, requestIdHeader };
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!top) return shape;
  let holder = deref(doc, top.schema);
  let properties = objectProperties(doc, holder);
  const declared = (schema: Json) => schema?.["x-error-fields"];
  const envelope =
    (!declared(holder) &&
      Object.entries(properties ?? {}).find(([, s]) => declared(deref(doc, s)))) ||
    (properties && !declared(holder) && !FIELD_CANDIDATES.message.some((name) => properties![name])
      ? // an envelope such as { error: { code, message } }: descend into the property that holds the message
        Object.entries(properties!).find(([, s]) => FIELD_CANDIDATES.message.some((name) => objectProperties(doc, s)?.[name]))
      : null);
  if (envelope) {
    shape.path = [envelope[0]];
    holder = deref(doc, envelope[1]);
    properties = objectProperties(doc, holder);
  }
  const fields: Record<string, string> = declared(holder) ?? {};
  for (const [field, candidates] of Object.entries(FIELD_CANDIDATES)) {
    shape[field as keyof typeof FIELD_CANDIDATES] = fields[field] ?? candidates.find((name) => properties?.[name]) ?? null;
  }
  return shape;
}

