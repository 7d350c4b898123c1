// The bytes of an engine answer: JSON media types get JSON (a string answer too: `"ok"`, not `ok`);
// any other media type (text, XML, CSV) is sent as the text it is.
import { isJsonMedia } from "@repo/model";

export function answerText(headers: Record<string, string>, body: unknown): string {
  const type = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "application/json";
  return typeof body === "string" && !isJsonMedia(type) ? body : JSON.stringify(body);
}
