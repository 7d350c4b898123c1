// The body of an upload as the Try-it panel sends it, from what the reader chose in its file inputs.
// No DOM here (the panel reads the inputs), so it is tested in Node.
import { sendsBytes, type ModelOperation } from "@repo/model";

/** A file input's choice: the form field it fills ("" for a body of bytes) and the file, if one was chosen. */
export interface ChosenFile {
  field: string;
  file: File | undefined;
}

/**
 * The chosen file (a body of bytes), or a multipart form of the typed `fields` (text; an object or array as
 * JSON, as the CLI's --data sends them) and the chosen files under their field names. Undefined: a body of
 * bytes with no file chosen, so nothing is sent.
 */
export function uploadBody(op: Pick<ModelOperation, "requestBody">, chosen: readonly ChosenFile[], fields: Record<string, unknown>): Blob | FormData | undefined {
  if (sendsBytes(op)) return chosen[0]?.file;
  const form = new FormData();
  const fileFields = new Set(chosen.map((choice) => choice.field));
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && !fileFields.has(key)) form.append(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  for (const { field, file } of chosen) if (file) form.append(field, file, file.name);
  return form;
}
