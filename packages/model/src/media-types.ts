// How an answer's media type is read: JSON (parsed), text (a string: text/*, YAML, XML, CSV…) or bytes
// (a Blob: PDF, images, application/octet-stream…). The SDK's types (packages/client/src/typed.ts,
// ResultOf) classify the spec's media types with the same patterns.

import type { ParseAs } from "./api-model.js";

/** application/json, application/problem+json, application/vnd.api+json… */
export const isJsonMedia = (type: string): boolean => /^[^/]+\/([^;]*\+)?json\s*(;|$)/i.test(type);

/** text/*, YAML, XML, CSV, JavaScript, newline-delimited JSON: read as a string. */
export const isTextMedia = (type: string): boolean => /^text\//i.test(type) || /^[^/]+\/([^;]*[+.-])?(yaml|xml|csv|javascript|ndjson)\s*(;|$)/i.test(type);

/** How the SDK reads a 2xx body of these media types: "json", "text", "blob", or null when there is none. */
export function parseAsOf(types: readonly string[]): ParseAs | null {
  if (!types.length) return null;
  if (types.some(isJsonMedia)) return "json";
  return isTextMedia(types[0]!) ? "text" : "blob";
}
