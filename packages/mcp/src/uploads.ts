// Files in tool calls. JSON-RPC carries text, so a file the tool uploads (a body of bytes, or a file field
// of a multipart form) is one base64 string argument, which the server turns back into the Blob or File
// the SDK sends. Paths are not taken: the server would read any local file a model named.
import { fileFields, sendsBytes, type CliOperation, type JsonSchema } from "@repo/model";

/** The input schema of one file argument. */
export const base64Schema = (what: string, contentType?: string): JsonSchema => ({
  type: "string",
  contentEncoding: "base64",
  ...(contentType ? { contentMediaType: contentType } : {}),
  description: `${what}: the file's bytes, base64-encoded.`,
});

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decode(value: unknown, where: string, problems: string[]): Uint8Array<ArrayBuffer> | null {
  const text = typeof value === "string" ? value.replace(/\s+/g, "") : "";
  if (typeof value !== "string" || !BASE64.test(text)) {
    problems.push(`${where}: must be the file's bytes in base64 (A–Z, a–z, 0–9, +, /, padded with =)`);
    return null;
  }
  return new Uint8Array(Buffer.from(text, "base64"));
}

/**
 * The call's arguments with every file argument decoded (a Blob body, File fields named after their
 * field), or the problems to answer instead. Other arguments pass as they are.
 */
export function decodeFiles(op: CliOperation, args: Record<string, unknown>): { args: Record<string, unknown>; problems: string[] } {
  const problems: string[] = [];
  if (sendsBytes(op) && args.body !== undefined) {
    const bytes = decode(args.body, "body", problems);
    const type = op.requestBody?.contentType ?? "application/octet-stream";
    return { args: bytes ? { ...args, body: new Blob([bytes], { type }) } : args, problems };
  }
  const fields = fileFields(op);
  const body = args.body;
  if (!fields.length || typeof body !== "object" || body === null) return { args, problems };
  const decoded: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of fields) {
    if (decoded[field] === undefined) continue;
    const bytes = decode(decoded[field], `body.${field}`, problems);
    if (bytes) decoded[field] = new File([bytes], field, { type: "application/octet-stream" });
  }
  return { args: { ...args, body: decoded }, problems };
}
