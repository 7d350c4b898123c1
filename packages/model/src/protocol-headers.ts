// Headers the HTTP client sets itself. A spec may declare them as header parameters (OpenAPI says an
// Accept, Content-Type or Authorization parameter SHALL be ignored), but they are not choices for a
// caller: the SDK types, the SDK's params, the CLI's flags and the MCP tools all leave them out, from
// this one list, applied when the model and the types are generated.
const PROTOCOL_HEADERS = new Set([
  "accept",
  "accept-encoding",
  "authorization",
  "connection",
  "content-encoding",
  "content-length",
  "content-type",
  "cookie",
  "host",
  "transfer-encoding",
]);

/** Is this (dereferenced) parameter a header the client sets itself? */
export const isProtocolHeader = (param: { in?: unknown; name?: unknown } | null | undefined): boolean => param?.in === "header" && PROTOCOL_HEADERS.has(String(param.name).toLowerCase());
