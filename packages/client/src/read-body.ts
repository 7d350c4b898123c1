// Reads a response body within a size limit: a runaway or hostile server (or proxy) sending
// gigabytes must not take the caller's memory with it.
import { InvalidResponseError } from "./errors.js";

const decoder = /* @__PURE__ */ new TextDecoder();

/** The default `maxResponseBytes`: far above any page of these APIs, far below what exhausts a process. */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** The body as text (UTF-8), within the limit (see readBytes). */
export async function readText(response: Response, limit: number, what: string): Promise<string> {
  return decodeText(await readBytes(response, limit, what));
}

/** UTF-8 bytes as text. */
export const decodeText = (bytes: Uint8Array): string => decoder.decode(bytes);

/**
 * The body's bytes, or an InvalidResponseError naming the limit: before reading when Content-Length
 * is over it, else as soon as the stream passes it (fetch decodes gzip, so the stream is what counts).
 */
export async function readBytes(response: Response, limit: number, what: string): Promise<Uint8Array> {
  const tooLarge = () =>
    new InvalidResponseError(
      `The ${response.status} response to ${what} is larger than maxResponseBytes (${limit} bytes); it was not read.`,
      response,
      "",
    );
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  // one chunk is the usual case; Blob#text would be shorter but is several times slower in Node
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
  return bytes;
}
