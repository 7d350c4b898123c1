// Reads back the HTTP request a curl sample and a Python (requests) sample describe, so a test can
// check both send the same URL, headers and body.
import { parse } from "shell-quote";
import { TOKEN_PLACEHOLDER } from "../samples.js";

export interface DescribedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A file a sample uploads, as both readers describe it: `{ file: name }`. */
function fileBody(word: string, prefix: string): { file: string } {
  if (!word.startsWith(prefix)) throw new Error(`not a file reference: ${word}`);
  return { file: word.slice(prefix.length) };
}

/** `open("name", "rb")`, as Python's samples read a file to upload → its name. */
const OPENED = /^open\(("(?:[^"\\]|\\.)*"), "rb"\)$/;
const openedFile = (text: string): { file: string } | null => {
  const match = OPENED.exec(text.trim());
  return match ? { file: JSON.parse(match[1]!) as string } : null;
};

/** A body as its media type reads: JSON for a JSON type (or none), else the text itself. */
const jsonOrText = (text: string, type: string | undefined): unknown => (!type || /json/i.test(type) ? JSON.parse(text) : text);

/** The Authorization header HTTP Basic sends for `user:password` (curl's -u, requests' auth=). */
const basicHeader = (userPassword: string): string => `Basic ${Buffer.from(userPassword, "utf8").toString("base64")}`;

/** The request of a `curl [-X M] URL -H 'k: v'… [-d 'json']` command. */
export function fromCurl(source: string): DescribedRequest {
  const words = parse(source.replace(/\\\n/g, " ")).map(String);
  if (words[0] !== "curl") throw new Error(`not a curl command: ${source}`);
  const request: DescribedRequest = { method: "GET", url: "", headers: {}, body: undefined };
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === "-X") request.method = words[++i] ?? "";
    else if (word === "-H") {
      const header = words[++i] ?? "";
      const colon = header.indexOf(":");
      request.headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (word === "-d") request.body = jsonOrText(words[++i] ?? "", request.headers["Content-Type"]);
    else if (word === "--data-binary") request.body = fileBody(words[++i] ?? "", "@");
    else if (word === "-F") {
      // a form field: `name=text`, or `name=@file` for a file
      const field = words[++i] ?? "";
      const eq = field.indexOf("=");
      const form = (request.body ??= {}) as Record<string, unknown>;
      form[field.slice(0, eq)] = field[eq + 1] === "@" ? fileBody(field.slice(eq + 1), "@") : field.slice(eq + 1);
    }
    else if (word === "-u") request.headers.Authorization = basicHeader(words[++i] ?? "");
    // curl's URL keeps the token placeholder readable (samples.ts); params= would send it encoded
    else if (!word.startsWith("-")) request.url = word.replaceAll(TOKEN_PLACEHOLDER, encodeURIComponent(TOKEN_PLACEHOLDER));
    else throw new Error(`unexpected curl option ${word}`);
  }
  if (request.body !== undefined && !words.includes("-X")) request.method = "POST";
  return request;
}

/** A Python literal as our samples write it (JSON plus True/False/None and trailing commas) → value. */
export function pythonLiteral(text: string): unknown {
  const json = text.replace(/"(?:[^"\\]|\\.)*"|\bTrue\b|\bFalse\b|\bNone\b|,(\s*[}\]])/g, (match, closing?: string) => {
    if (closing !== undefined) return closing;
    return ({ True: "true", False: "false", None: "null" } as Record<string, string>)[match] ?? match;
  });
  return JSON.parse(json);
}

/** The request of `requests.<method>("url", headers=…, params=…, json=…)`; json= implies its Content-Type. */
export function fromPython(source: string): DescribedRequest {
  const call = /requests\.(\w+)\(\n([\s\S]*?)\n\)\n/.exec(source);
  if (!call) throw new Error(`no requests call in:\n${source}`);
  // Each argument starts on a line indented by exactly four spaces: the URL string, then `name=`.
  const args = (call[2] ?? "").split(/\n(?= {4}(?:"|[a-z_]+=))/).map((arg) => arg.trim().replace(/,$/, ""));
  const [urlArg, ...named] = args;
  const url = new URL(JSON.parse(urlArg ?? "") as string);
  const request: DescribedRequest = { method: (call[1] ?? "").toUpperCase(), url: "", headers: {}, body: undefined };
  for (const arg of named) {
    const eq = arg.indexOf("=");
    const name = arg.slice(0, eq);
    if (name === "auth") {
      // auth=("user", "password"): a tuple, read as a JSON list
      const [user, password] = pythonLiteral(`[${arg.slice(eq + 1).trim().slice(1, -1)}]`) as [string, string];
      request.headers.Authorization = basicHeader(`${user}:${password}`);
      continue;
    }
    const opened = openedFile(arg.slice(eq + 1));
    if (name === "data" && opened) {
      request.body = opened;
      continue;
    }
    if (name === "files") {
      // files={"field": open("name", "rb"), …}: each a form field holding a file
      const form = (request.body ??= {}) as Record<string, unknown>;
      for (const [, field, file] of arg.slice(eq + 1).matchAll(/("(?:[^"\\]|\\.)*"): (open\([^)]*\))/g)) form[JSON.parse(field!) as string] = openedFile(file!);
      continue;
    }
    const value = pythonLiteral(arg.slice(eq + 1));
    if (name === "headers") request.headers = value as Record<string, string>;
    else if (name === "params") {
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(key, String(item));
      }
    } else if (name === "data" && typeof value === "object" && value !== null) {
      // a form's text fields (with files=)
      request.body = { ...(value as Record<string, unknown>), ...(request.body as Record<string, unknown> | undefined) };
    } else if (name === "data") {
      request.body = jsonOrText(value as string, request.headers["Content-Type"]);
    } else if (name === "json") {
      request.body = value;
      request.headers["Content-Type"] = "application/json";
    } else throw new Error(`unexpected requests argument ${name}`);
  }
  request.url = url.toString();
  return request;
}
