// Reads what a user points the CLI at (`--data @file`, `--data @-`, a token on stdin) within a size
// limit: `@/dev/zero`, a FIFO fed by `yes` or a huge file is refused instead of taking all memory.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { DEFAULT_MAX_RESPONSE_BYTES } from "@repo/client/internal";
import { UsageError } from "./usage-error.js";

/** The largest input read: the largest body the SDK handles (its response limit), 50 MiB. */
export const MAX_INPUT_BYTES = DEFAULT_MAX_RESPONSE_BYTES;

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const CHUNK = 64 * 1024;

/**
 * The text of a file (a path) or of an open descriptor (0: stdin), as UTF-8. A regular file over the
 * limit is refused before it is opened; anything else (a pipe, a device) is read up to the limit and
 * refused as soon as it passes it. `what` names the source in the message.
 */
export function readLimited(source: string | number, what: string, limit = MAX_INPUT_BYTES): string {
  return readLimitedBytes(source, what, limit).toString("utf8");
}

/** The bytes of a file or an open descriptor, within the limit (see readLimited): a file to upload. */
export function readLimitedBytes(source: string | number, what: string, limit = MAX_INPUT_BYTES): Buffer {
  const tooLarge = () => new UsageError(`${what} is larger than ${mib(limit)}, the largest request body the SDK sends; it was not read.`);
  if (typeof source === "string") {
    const stat = statSync(source);
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (stat.isFile() && stat.size > limit) throw tooLarge();
  }
  const fd = typeof source === "string" ? openSync(source, "r") : source;
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let read: number;
      try {
        read = readSync(fd, chunk, 0, CHUNK, null);
      } catch (error) {
        // a non-blocking stdin with nothing yet: wait for it as readFileSync(0) would not
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") continue;
        if ((error as NodeJS.ErrnoException).code === "EOF") break;
        throw error;
      }
      if (read === 0) break;
      size += read;
      if (size > limit) throw tooLarge();
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, size);
  } finally {
    if (typeof source === "string") closeSync(fd);
  }
}
