// `--file`: a file the user uploads. For a command whose body is bytes (application/octet-stream, an
// image…) the file is the whole body; for a multipart/form-data body it fills a file field (the only
// one, or the one named by `field=path`), next to the other fields given with --data.
import { basename } from "node:path";
import { commandName, fileFields, sendsBytes, takesFile, type CliOperation } from "@repo/model";
import { readLimitedBytes } from "./read-limited.js";
import { UsageError } from "./usage-error.js";

export interface Uploads {
  /** The whole body, when the command sends bytes. */
  whole?: Blob;
  /** File fields of a multipart body, by field name. */
  fields: Record<string, File>;
}

/** Reads every `--file` of the command line into what the SDK sends: a Blob body or File fields. */
export function readUploads(op: CliOperation, given: readonly string[]): Uploads {
  const name = commandName(op);
  const contentType = op.requestBody?.contentType ?? "application/json";
  if (!op.requestBody || !takesFile(op)) {
    const why = op.requestBody ? `its body is ${contentType}: give it with --data (@file.json reads a file)` : "it takes no request body";
    throw new UsageError(`${name} takes no file (${why}).`);
  }
  if (sendsBytes(op)) {
    if (given.length > 1) throw new UsageError(`${name} sends one file as its body: give --file once.`);
    return { whole: new Blob([read(given[0]!)], { type: contentType }), fields: {} };
  }
  const fields = fileFields(op);
  const uploads: Uploads = { fields: {} };
  for (const spec of given) {
    const named = /^([A-Za-z_][\w.-]*)=(.+)$/.exec(spec);
    let field: string;
    let path: string;
    if (named && fields.includes(named[1]!)) [field, path] = [named[1]!, named[2]!];
    else if (fields.length === 1) [field, path] = [fields[0]!, spec];
    else if (named) throw new UsageError(`--file ${named[1]}=…: ${name} has no file field "${named[1]}"; its file fields: ${fields.join(", ")}.`);
    else throw new UsageError(`${name} has several file fields (${fields.join(", ")}): say which with --file <field>=<path>.`);
    if (uploads.fields[field]) throw new UsageError(`--file gave the field "${field}" twice.`);
    uploads.fields[field] = new File([read(path)], path === "-" ? "stdin" : basename(path));
  }
  return uploads;
}

function read(path: string): Uint8Array<ArrayBuffer> {
  const what = path === "-" ? "--file - (stdin)" : `--file ${path}`;
  try {
    const bytes = readLimitedBytes(path === "-" ? 0 : path, what);
    return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}
