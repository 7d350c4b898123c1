// Code samples of one operation (curl, TypeScript SDK, CLI, Python requests, JavaScript fetch), generated
// from the operation model: its `exampleParams` (the spec's own examples) say what every sample sends.
// The docs build injects them as `x-codeSamples`; each SDK package proves each one against its build and
// the mock (@repo/docs/samples-suite). The CLI sample names flags as the CLI does (@repo/cli).
// the flags alone (no Node built-ins): the Try-it panel runs these samples in a page
import { operationFlags, type OperationFlag } from "@repo/cli/flags";
import { commandName, fileFields, isJsonMedia, objectShape, sendsBytes, type ApiModel, type ModelOperation } from "@repo/model";

type Model = Pick<ApiModel, "api" | "servers" | "securitySchemes" | "env" | "auth">;
type Op = ModelOperation;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The placeholder every sample uses for the caller's token; tests substitute a real one. */
export const TOKEN_PLACEHOLDER = "<TOKEN>";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A POSIX shell word: single-quoted unless it is plainly safe. */
export const shellQuote = (text: string): string => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/**
 * Where the token goes for `op` (the model's placement of its first scheme the SDK can fill): a header
 * (`Authorization: Bearer <TOKEN>`, an API key header), a query parameter or a cookie; null when the
 * operation is anonymous.
 */
function credentialOf(model: Model, op: Op): { in: "header" | "query" | "cookie"; name: string; value: string; basic: boolean } | null {
  for (const name of op.security) {
    const placement = model.auth.schemes[name];
    if (placement) {
      const value = placement.prefix ? `${placement.prefix} ${TOKEN_PLACEHOLDER}` : TOKEN_PLACEHOLDER;
      return { in: placement.in, name: placement.name, value, basic: placement.prefix === "Basic" };
    }
  }
  return null;
}

/** The header that carries the token for `op`, or null when the operation is anonymous, takes it elsewhere or uses HTTP Basic. */
function authHeader(model: Model, op: Op): [string, string] | null {
  const credential = credentialOf(model, op);
  return credential?.in === "header" && !credential.basic ? [credential.name, credential.value] : null;
}

/** HTTP Basic with the token as the user name and an empty password (what the SDK sends for a token without a colon). */
const BASIC_USER = `${TOKEN_PLACEHOLDER}:`;

/**
 * Splits the SDK params into path/query/header/cookie values and the JSON body. A path example the
 * SDK would refuse ("", "." or "..": URL parsing resolves dot segments) fails the build, naming it.
 */
function splitParams(op: Op) {
  const where = new Map<string, "path" | "query" | "header" | "cookie">(op.parameters.map((p) => [p.name, p.in]));
  const split: { path: Json; query: Json; header: Json; cookie: Json; body: Json } = { path: {}, query: {}, header: {}, cookie: {}, body: undefined };
  for (const [key, value] of Object.entries(op.exampleParams ?? {})) {
    const location = where.get(key);
    if (location === "path" && ["", ".", ".."].includes(scalarText(value))) {
      throw new Error(`${op.operationId}: the example of path parameter "${key}" is ${JSON.stringify(value)}, which would send every sample to another path than ${op.path}; give it a real example in the spec.`);
    }
    if (location) split[location][key] = value;
    else if (op.bodyMode === "body" && key === "body") split.body = value;
    else if (op.bodyMode === "flat") (split.body ??= {})[key] = value;
  }
  if (op.requestBody?.required && split.body === undefined) split.body = {};
  return split;
}

const scalarText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * The HTTP request every sample of `op` makes: method, full URL (first server + path + query), headers
 * (token header first, then header parameters, then Content-Type) and the JSON body (or undefined).
 */
export function httpRequest(model: Model, op: Op) {
  const { path, query, header, cookie, body } = splitParams(op);
  const credential = credentialOf(model, op);
  if (credential?.in === "query") query[credential.name] = credential.value;
  if (credential?.in === "cookie") cookie[credential.name] = credential.value;
  const urlPath = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(scalarText(path[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, scalarText(item));
  }
  // the placeholder stays readable (and replaceable) in the URL
  const queryText = search.toString().replace(encodeURIComponent(TOKEN_PLACEHOLDER), TOKEN_PLACEHOLDER);
  const headers: Array<[string, string]> = [];
  const auth = authHeader(model, op);
  if (auth) headers.push(auth);
  for (const [key, value] of Object.entries(header)) headers.push([key, scalarText(value)]);
  if (Object.keys(cookie).length) {
    headers.push(["Cookie", Object.entries(cookie).map(([k, v]) => `${k}=${scalarText(v)}`).join("; ")]);
  }
  if (body !== undefined) headers.push(["Content-Type", op.requestBody?.contentType ?? "application/json"]);
  // an answer that is not JSON is asked for by its media types, as the SDK does
  if (answerOf(op) === "text" || answerOf(op) === "blob") headers.push(["Accept", op.successContentTypes.join(", ")]);
  // JSON among other media types (XML first, say): asked for, as the SDK does
  else if (answerOf(op) === "json" && op.successContentTypes.some((type) => !isJsonMedia(type))) headers.push(["Accept", "application/json"]);
  const server = serverOf(model, op);
  return {
    method: op.method,
    /** HTTP Basic: `user:password` to encode (each sample does it its way), else null. */
    basic: credential?.basic ? BASIC_USER : null,
    url: `${server}${urlPath}${queryText ? `?${queryText}` : ""}`,
    baseUrl: server,
    query: [...search.entries()],
    headers,
    body,
    /** The body as sent when its media type is not JSON (a string example, or the value as JSON text). */
    rawBody: body !== undefined && !isJsonMedia(op.requestBody?.contentType ?? "application/json") ? (typeof body === "string" ? body : JSON.stringify(body)) : undefined,
  };
}

/** A JavaScript/TypeScript literal: JSON, with identifier keys unquoted, indented by two spaces. */
function jsLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    if (value.every((item) => item === null || typeof item !== "object")) return `[${value.map((v) => jsLiteral(v)).join(", ")}]`;
    return `[\n${value.map((item) => `${inner}${jsLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (!entries.length) return "{}";
    const key = (k: string) => (IDENTIFIER.test(k) ? k : JSON.stringify(k));
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${jsLiteral(v, inner)},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** A Python literal (dict/list/str/int/bool/None), indented by four spaces. */
function pyLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    if (value.every((item) => item === null || typeof item !== "object")) return `[${value.map((v) => pyLiteral(v)).join(", ")}]`;
    return `[\n${value.map((item) => `${inner}${pyLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    if (!entries.length) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pyLiteral(v, inner)},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const hasResponseBody = (op: Op): boolean => Boolean(op.successStatus && op.responses[op.successStatus]?.hasBody);

/** How a sample reads the answer: "json", "text" (CSV, YAML…), "blob" (PDF, bytes) or null (none). */
export const answerOf = (op: Op): "json" | "text" | "blob" | null => op.parseAs ?? (hasResponseBody(op) ? "json" : null);

/** A file name's extension for a media type (`bin` when there is no usual one). */
function extensionOf(mediaType: unknown): string {
  const type = String(mediaType ?? "").split(";")[0]!.trim().toLowerCase();
  const known: Record<string, string> = { "application/pdf": "pdf", "application/zip": "zip", "application/gzip": "gz", "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "text/plain": "txt", "text/csv": "csv" };
  return known[type] ?? "bin";
}

/** Where the samples save a binary answer: the operation's name, with the extension of its media type. */
export function downloadName(op: Pick<Op, "name" | "successContentTypes">): string {
  return `${op.name}.${extensionOf(op.successContentTypes?.[0])}`;
}

/** A file an upload's samples send, named relative to where the sample runs: the whole body (`field` null) or a form's file field. */
export interface SampleUpload {
  readonly field: string | null;
  readonly name: string;
}

/** The files an operation's samples upload: none, its whole body of bytes, or each file field of its multipart form. */
export function sampleUploads(op: Pick<Op, "name" | "requestBody">): SampleUpload[] {
  if (sendsBytes(op)) return [{ field: null, name: `${op.name}.${extensionOf(op.requestBody?.contentType)}` }];
  const properties = op.requestBody ? (objectShape(op.requestBody.schema)?.properties ?? {}) : {};
  return fileFields(op).map((field) => ({ field, name: `${field}.${extensionOf(properties[field]?.contentMediaType)}` }));
}

/** A multipart form's other fields as the form sends them: text (an object or array as JSON). */
function formFields(op: Op, body: Json): Array<[string, string]> {
  const files = new Set(fileFields(op));
  return Object.entries((body ?? {}) as Record<string, unknown>)
    .filter(([key, value]) => !files.has(key) && value !== undefined)
    .map(([key, value]) => [key, scalarText(value)]);
}

/** Code written as it is inside a JS literal (jsLiteral prints it unquoted). */
class Code {
  constructor(readonly text: string) {}
}
const readFileCode = (name: string) => new Code(`await openAsBlob(${JSON.stringify(name)})`);
const OPEN_AS_BLOB = 'import { openAsBlob } from "node:fs";';

export function curlSample(model: Model, op: Op): string {
  const request = httpRequest(model, op);
  const uploads = sampleUploads(op);
  const form = uploads.some((upload) => upload.field !== null);
  const lines = [`curl${request.method === "GET" ? "" : ` -X ${request.method}`} ${shellQuote(request.url)}`];
  if (request.basic) lines.push(`-u ${shellQuote(request.basic)}`);
  // curl -F writes the multipart Content-Type itself, with its boundary
  for (const [name, value] of request.headers) if (!(form && name === "Content-Type")) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (form) {
    for (const [key, value] of formFields(op, request.body)) lines.push(`-F ${shellQuote(`${key}=${value}`)}`);
    for (const upload of uploads) lines.push(`-F ${shellQuote(`${upload.field}=@${upload.name}`)}`);
  } else if (uploads.length) lines.push(`--data-binary ${shellQuote(`@${uploads[0]!.name}`)}`);
  else if (request.body !== undefined) lines.push(`-d ${shellQuote(request.rawBody ?? JSON.stringify(request.body, null, 2))}`);
  return lines.join(" \\\n  ");
}

/** Where `op`'s samples send it: its own server (a relative one resolved against the API's), else the API's. */
export function serverOf(model: Pick<ApiModel, "servers">, op: Pick<Op, "servers">): string {
  return op.servers?.[0] ? new URL(op.servers[0], model.servers[0] ?? undefined).href.replace(/\/+$/, "") : (model.servers[0] ?? "");
}

/** `client.instances.list` or, for an operationId without a namespace, `client.check`. */
const sdkCall = (op: Op): string => (op.namespace ? `client.${op.namespace}.${op.name}` : `client.${op.name}`);

/** The SDK params of a sample: the example's, with each uploaded file read from its file. */
function sdkParams(op: Op): Record<string, unknown> {
  const params: Record<string, unknown> = { ...op.exampleParams };
  for (const upload of sampleUploads(op)) {
    if (upload.field === null) params.body = readFileCode(upload.name);
    else if (op.bodyMode === "flat") params[upload.field] = readFileCode(upload.name);
    else params.body = { ...(params.body as Record<string, unknown> | undefined), [upload.field]: readFileCode(upload.name) };
  }
  return params;
}

export function typescriptSample(model: Model, op: Op): string {
  const params = sdkParams(op);
  const args = Object.keys(params).length ? jsLiteral(params) : "";
  const token = credentialOf(model, op) ? JSON.stringify(TOKEN_PLACEHOLDER) : "";
  // long-running work: the sample waits for it (the action completed, the instance running)
  const call = `await ${sdkCall(op)}(${args})${op.wait ? ".wait()" : ""};`;
  return [
    ...(sampleUploads(op).length ? [OPEN_AS_BLOB] : []),
    `import { ApiClient } from ${JSON.stringify(model.api)};`,
    "",
    `const client = new ApiClient(${token});`,
    ...(answerOf(op) ? [`const result = ${call}`, "console.log(result);"] : [call]),
    "",
  ].join("\n");
}

/** Does the CLI read this flag's value as plain text (string, number, boolean)? Else it takes JSON. */
const isPlainKind = (kind: OperationFlag["kind"] | undefined): boolean => kind === "string" || kind === "integer" || kind === "number" || kind === "boolean";

/** The CLI's flag of every parameter (`param:<name>`) and body property (`body:<name>`), as the CLI names them. */
function cliFlags(op: Op): Map<string, OperationFlag> {
  return new Map(operationFlags(op).map((flag) => [`${flag.in === "body" ? "body" : "param"}:${flag.key}`, flag]));
}

export function cliSample(model: Model, op: Op): string {
  const { path, query, header, cookie, body } = splitParams(op);
  const flags = cliFlags(op);
  const options: string[] = [];
  for (const [key, value] of Object.entries({ ...path, ...query, ...header, ...cookie })) {
    const flag = flags.get(`param:${key}`)!;
    const items = Array.isArray(value) ? value : [value];
    const plain = isPlainKind(Array.isArray(value) ? flag.itemKind : flag.kind);
    if (flag.kind === "boolean" && typeof value === "boolean") options.push(value ? `--${flag.flag}` : `--no-${flag.flag}`);
    else for (const item of items) options.push(`--${flag.flag} ${shellQuote(plain ? scalarText(item) : JSON.stringify(item))}`);
  }
  const uploads = sampleUploads(op);
  if (uploads.length) {
    // a file goes with --file (by field name when the form has several); a form's other fields as --data
    const others = Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([key]) => !uploads.some((u) => u.field === key)));
    if (uploads[0]!.field !== null && Object.keys(others).length) options.push(`--data ${shellQuote(JSON.stringify(others))}`);
    for (const upload of uploads) options.push(`--file ${shellQuote(upload.field === null || uploads.length === 1 ? upload.name : `${upload.field}=${upload.name}`)}`);
  } else if (body !== undefined) {
    // Scalar fields (and lists of scalars) read best as flags; anything nested goes as one JSON --data.
    const asFlags =
      op.bodyMode === "flat" &&
      Object.entries(body as Record<string, unknown>).every(([key, value]) => {
        const flag = flags.get(`body:${key}`);
        // a null (a nullable field the example leaves empty) has no flag spelling: the body goes as JSON
        if (value === null) return false;
        return Array.isArray(value) ? value.length > 0 && isPlainKind(flag?.itemKind) : isPlainKind(flag?.kind);
      });
    if (asFlags) {
      for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
        const flag = flags.get(`body:${key}`)!;
        // a switch takes no value: --flag, --no-flag
        if (flag.kind === "boolean" && typeof value === "boolean") options.push(value ? `--${flag.flag}` : `--no-${flag.flag}`);
        else for (const item of Array.isArray(value) ? value : [value]) options.push(`--${flag.flag} ${shellQuote(scalarText(item))}`);
      }
    } else {
      options.push(`--data ${shellQuote(JSON.stringify(body))}`);
    }
  }
  if (op.wait) options.push("--wait");
  if (answerOf(op) === "blob") options.push(`--out-file ${downloadName(op)}`);
  const command = [`${model.api} ${commandName(op)}`, ...options].join(" \\\n  ");
  return credentialOf(model, op) ? `export ${model.env.token}=${shellQuote(TOKEN_PLACEHOLDER)}\n${command}` : command;
}

export function pythonSample(model: Model, op: Op): string {
  const request = httpRequest(model, op);
  const uploads = sampleUploads(op);
  const form = uploads.some((upload) => upload.field !== null);
  // json= and files= set the Content-Type themselves; a body of another media type keeps its header
  const headers = Object.fromEntries(request.headers.filter(([name]) => !(name === "Content-Type" && (form || (request.body !== undefined && request.rawBody === undefined)))));
  const params: Record<string, unknown> = {};
  for (const [key, value] of request.query) params[key] = key in params ? [params[key]].flat().concat(value) : value;
  const url = request.url.split("?")[0];
  const args = [JSON.stringify(url)];
  if (Object.keys(headers).length) args.push(`headers=${pyLiteral(headers, "    ")}`);
  if (Object.keys(params).length) args.push(`params=${pyLiteral(params, "    ")}`);
  if (request.basic) args.push(`auth=(${JSON.stringify(request.basic.slice(0, -1))}, "")`);
  if (form) {
    const fields = formFields(op, request.body);
    if (fields.length) args.push(`data=${pyLiteral(Object.fromEntries(fields), "    ")}`);
    args.push(`files={${uploads.map((upload) => `${JSON.stringify(upload.field)}: open(${JSON.stringify(upload.name)}, "rb")`).join(", ")}}`);
  } else if (uploads.length) args.push(`data=open(${JSON.stringify(uploads[0]!.name)}, "rb")`);
  else if (request.rawBody !== undefined) args.push(`data=${JSON.stringify(request.rawBody)}`);
  else if (request.body !== undefined) args.push(`json=${pyLiteral(request.body, "    ")}`);
  return [
    "import requests",
    "",
    `response = requests.${request.method.toLowerCase()}(`,
    ...args.map((arg) => `    ${arg},`),
    ")",
    "response.raise_for_status()",
    ...({
      json: ["print(response.json())"],
      text: ["print(response.text)"],
      blob: [`with open(${JSON.stringify(downloadName(op))}, "wb") as file:`, "    file.write(response.content)"],
    } as Record<string, string[]>)[answerOf(op) ?? "none"] ?? ["print(response.status_code)"],
    "",
  ].join("\n");
}

export function javascriptSample(model: Model, op: Op): string {
  const request = httpRequest(model, op);
  const uploads = sampleUploads(op);
  const form = uploads.some((upload) => upload.field !== null);
  // fetch writes a FormData body's Content-Type itself, with its boundary
  if (form) request.headers = request.headers.filter(([name]) => name !== "Content-Type");
  const init = [`  method: ${JSON.stringify(request.method)},`];
  const headers = jsLiteral(Object.fromEntries(request.headers), "  ");
  // HTTP Basic: the header is computed where the sample runs
  const basic = request.basic ? `Authorization: \`Basic \${btoa(${JSON.stringify(request.basic)})}\`` : null;
  if (basic) init.push(`  headers: ${request.headers.length ? headers.replace(/^\{\n/, `{\n    ${basic},\n`) : `{ ${basic} }`},`);
  else if (request.headers.length) init.push(`  headers: ${headers},`);
  const prelude: string[] = [];
  if (uploads.length) prelude.push(OPEN_AS_BLOB, "");
  if (form) {
    prelude.push("const form = new FormData();");
    for (const [key, value] of formFields(op, request.body)) prelude.push(`form.append(${JSON.stringify(key)}, ${JSON.stringify(value)});`);
    for (const upload of uploads) prelude.push(`form.append(${JSON.stringify(upload.field)}, ${readFileCode(upload.name).text}, ${JSON.stringify(upload.name)});`);
    init.push("  body: form,");
  } else if (uploads.length) init.push(`  body: ${readFileCode(uploads[0]!.name).text},`);
  else if (request.rawBody !== undefined) init.push(`  body: ${JSON.stringify(request.rawBody)},`);
  else if (request.body !== undefined) init.push(`  body: JSON.stringify(${jsLiteral(request.body, "  ")}),`);
  return [
    ...prelude,
    `const response = await fetch(${JSON.stringify(request.url)}, {`,
    ...init,
    "});",
    "if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);",
    ...({
      json: ["console.log(await response.json());"],
      text: ["console.log(await response.text());"],
      blob: ["const bytes = new Uint8Array(await response.arrayBuffer());", 'console.log(bytes.length, "bytes");'],
    } as Record<string, string[]>)[answerOf(op) ?? "none"] ?? ["console.log(response.status);"],
    "",
  ].join("\n");
}

/** One sample of an operation, as Redoc's `x-codeSamples` holds it. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

/** The label of each sample, in the order the reference shows them (redocly.yaml lists the same tabs). */
export const SAMPLE_LABELS = ["curl", "TypeScript SDK", "CLI", "Python", "JavaScript"] as const;

/** The `x-codeSamples` of one operation, in the order of SAMPLE_LABELS. */
export function codeSamples(model: Model, op: Op): CodeSample[] {
  return [
    { lang: "Shell", label: "curl", source: curlSample(model, op) },
    { lang: "TypeScript", label: "TypeScript SDK", source: typescriptSample(model, op) },
    { lang: "Shell", label: "CLI", source: cliSample(model, op) },
    { lang: "Python", label: "Python", source: pythonSample(model, op) },
    { lang: "JavaScript", label: "JavaScript", source: javascriptSample(model, op) },
  ];
}
