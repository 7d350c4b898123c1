// Code samples of one operation (curl, TypeScript SDK, CLI, Python requests, JavaScript fetch), generated
// from the operation model: its `exampleParams` (the spec's own examples) say what every sample sends.
// The docs build injects them as `x-codeSamples`; each SDK package proves each one against its build and
// the mock (@repo/runtime/testing/docs-samples).

/** The placeholder every sample uses for the caller's token; tests substitute a real one. */
export const TOKEN_PLACEHOLDER = "<TOKEN>";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `page_size` → `page-size`, `sshKeys` → `ssh-keys`: the CLI's flag names (ARCHITECTURE.md). */
export const kebabCase = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();

/** Flags every CLI command takes (packages/runtime/src/cli/flags.ts); an operation's flag with one of these names is prefixed with its location. */
export const CLI_GLOBAL_FLAGS = [
  "data", "all", "output", "out-file", "query", "include", "token", "session", "profile", "base-url", "mock", "static", "prefer", "max-retries", "retry", "quiet", "wait", "wait-timeout", "verbose", "help", "version",
];

/** A POSIX shell word: single-quoted unless it is plainly safe. */
export const shellQuote = (text) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** The header that carries the token for `op`, or null when the operation is anonymous or cookie-only. */
function authHeader(model, op) {
  for (const name of op.security) {
    const scheme = model.securitySchemes[name];
    if (scheme?.type === "http" && /^bearer$/i.test(scheme.scheme ?? "")) return ["Authorization", `Bearer ${TOKEN_PLACEHOLDER}`];
    if (scheme?.type === "http" && /^basic$/i.test(scheme.scheme ?? "")) return ["Authorization", `Basic ${TOKEN_PLACEHOLDER}`];
    if (scheme?.type === "apiKey" && scheme.in === "header") return [scheme.name, TOKEN_PLACEHOLDER];
  }
  return null;
}

/**
 * Splits the SDK params into path/query/header/cookie values and the JSON body. A path example the
 * SDK would refuse ("", "." or "..": URL parsing resolves dot segments) fails the build, naming it.
 */
function splitParams(op) {
  const where = new Map(op.parameters.map((p) => [p.name, p.in]));
  const split = { path: {}, query: {}, header: {}, cookie: {}, body: undefined };
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

const scalarText = (value) => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * The HTTP request every sample of `op` makes: method, full URL (first server + path + query), headers
 * (token header first, then header parameters, then Content-Type) and the JSON body (or undefined).
 */
export function httpRequest(model, op) {
  const { path, query, header, cookie, body } = splitParams(op);
  const urlPath = op.path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(scalarText(path[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, scalarText(item));
  }
  const queryText = search.toString();
  const headers = [];
  const auth = authHeader(model, op);
  if (auth) headers.push(auth);
  for (const [key, value] of Object.entries(header)) headers.push([key, scalarText(value)]);
  if (Object.keys(cookie).length) {
    headers.push(["Cookie", Object.entries(cookie).map(([k, v]) => `${k}=${scalarText(v)}`).join("; ")]);
  }
  if (body !== undefined) headers.push(["Content-Type", op.requestBody?.contentType ?? "application/json"]);
  // an answer that is not JSON is asked for by its media types, as the SDK does
  if (answerOf(op) === "text" || answerOf(op) === "blob") headers.push(["Accept", op.successContentTypes.join(", ")]);
  // an operation with its own server is sent there (a relative one is resolved against the API's)
  const server = op.servers?.[0] ? new URL(op.servers[0], model.servers[0] ?? undefined).href.replace(/\/+$/, "") : (model.servers[0] ?? "");
  return {
    method: op.method,
    url: `${server}${urlPath}${queryText ? `?${queryText}` : ""}`,
    baseUrl: server,
    query: [...search.entries()],
    headers,
    body,
  };
}

/** A JavaScript/TypeScript literal: JSON, with identifier keys unquoted, indented by two spaces. */
function jsLiteral(value, indent = "") {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return "[]";
    if (value.every((item) => item === null || typeof item !== "object")) return `[${value.map((v) => jsLiteral(v)).join(", ")}]`;
    return `[\n${value.map((item) => `${inner}${jsLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (!entries.length) return "{}";
    const key = (k) => (IDENTIFIER.test(k) ? k : JSON.stringify(k));
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${jsLiteral(v, inner)},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** A Python literal (dict/list/str/int/bool/None), indented by four spaces. */
function pyLiteral(value, indent = "") {
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

const hasResponseBody = (op) => Boolean(op.successStatus && op.responses[op.successStatus]?.hasBody);

/** How a sample reads the answer: "json", "text" (CSV, YAML…), "blob" (PDF, bytes) or null (none). */
export const answerOf = (op) => op.parseAs ?? (hasResponseBody(op) ? "json" : null);

/** Where the samples save a binary answer: the operation's name, with the extension of its media type. */
export function downloadName(op) {
  const type = String(op.successContentTypes?.[0] ?? "").split(";")[0].trim().toLowerCase();
  const known = { "application/pdf": "pdf", "application/zip": "zip", "application/gzip": "gz", "image/png": "png", "image/jpeg": "jpg" };
  return `${op.name}.${known[type] ?? "bin"}`;
}

export function curlSample(model, op) {
  const request = httpRequest(model, op);
  const lines = [`curl${request.method === "GET" ? "" : ` -X ${request.method}`} ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) lines.push(`-d ${shellQuote(JSON.stringify(request.body, null, 2))}`);
  return lines.join(" \\\n  ");
}

/** `client.instances.list` or, for an operationId without a namespace, `client.check`. */
const sdkCall = (op) => (op.namespace ? `client.${op.namespace}.${op.name}` : `client.${op.name}`);

export function typescriptSample(model, op) {
  const params = op.exampleParams ?? {};
  const args = Object.keys(params).length ? jsLiteral(params) : "";
  const token = authHeader(model, op) ? JSON.stringify(TOKEN_PLACEHOLDER) : "";
  // long-running work: the sample waits for it (the action completed, the instance running)
  const call = `await ${sdkCall(op)}(${args})${op.wait ? ".wait()" : ""};`;
  return [
    `import { ApiClient } from ${JSON.stringify(model.api)};`,
    "",
    `const client = new ApiClient(${token});`,
    ...(answerOf(op) ? [`const result = ${call}`, "console.log(result);"] : [call]),
    "",
  ].join("\n");
}

/** Does the CLI read this schema's value as plain text (string, number, boolean, enum)? Else it takes JSON. */
function isPlainFlag(schema) {
  const types = [schema?.type].flat().filter((t) => t && t !== "null");
  if (types.length === 1) return ["string", "integer", "number", "boolean"].includes(types[0]);
  return false;
}

/** The CLI's flag of every parameter and body property, named as the CLI names them (clashes get a location prefix). */
function cliFlags(op) {
  const taken = new Set(CLI_GLOBAL_FLAGS);
  const flags = new Map();
  const add = (key, where) => {
    let flag = kebabCase(key);
    if (taken.has(flag)) flag = `${where}-${flag}`;
    taken.add(flag);
    flags.set(`${where === "body" ? "body" : "param"}:${key}`, `--${flag}`);
  };
  for (const p of op.parameters) add(p.name, p.in);
  if (/json/i.test(op.requestBody?.contentType ?? "")) {
    for (const [key, schema] of Object.entries(op.requestBody.schema?.properties ?? {})) if (!schema?.readOnly) add(key, "body");
  }
  return flags;
}

export function cliSample(model, op) {
  const { path, query, header, cookie, body } = splitParams(op);
  const flags = cliFlags(op);
  const options = [];
  for (const [key, value] of Object.entries({ ...path, ...query, ...header, ...cookie })) {
    const schema = op.parameters.find((p) => p.name === key)?.schema;
    const items = Array.isArray(value) ? value : [value];
    const plain = isPlainFlag(Array.isArray(value) ? schema?.items : schema);
    for (const item of items) options.push(`${flags.get(`param:${key}`)} ${shellQuote(plain ? scalarText(item) : JSON.stringify(item))}`);
  }
  if (body !== undefined) {
    const properties = op.requestBody?.schema?.properties ?? {};
    // Scalar fields (and lists of scalars) read best as flags; anything nested goes as one JSON --data.
    const asFlags =
      op.bodyMode === "flat" &&
      Object.entries(body).every(([key, value]) =>
        Array.isArray(value) ? value.length > 0 && isPlainFlag(properties[key]?.items) : isPlainFlag(properties[key]),
      );
    if (asFlags) {
      for (const [key, value] of Object.entries(body)) {
        for (const item of Array.isArray(value) ? value : [value]) options.push(`${flags.get(`body:${key}`)} ${shellQuote(scalarText(item))}`);
      }
    } else {
      options.push(`--data ${shellQuote(JSON.stringify(body))}`);
    }
  }
  if (op.wait) options.push("--wait");
  if (answerOf(op) === "blob") options.push(`--out-file ${downloadName(op)}`);
  const command = [`${model.api} ${op.operationId.replaceAll(".", "/")}`, ...options].join(" \\\n  ");
  const env = model.env?.token ?? `${model.api.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_TOKEN`;
  return authHeader(model, op) ? `export ${env}=${shellQuote(TOKEN_PLACEHOLDER)}\n${command}` : command;
}

export function pythonSample(model, op) {
  const request = httpRequest(model, op);
  const headers = Object.fromEntries(request.headers.filter(([name]) => !(request.body !== undefined && name === "Content-Type")));
  const params = {};
  for (const [key, value] of request.query) params[key] = key in params ? [params[key]].flat().concat(value) : value;
  const url = request.url.split("?")[0];
  const args = [JSON.stringify(url)];
  if (Object.keys(headers).length) args.push(`headers=${pyLiteral(headers, "    ")}`);
  if (Object.keys(params).length) args.push(`params=${pyLiteral(params, "    ")}`);
  if (request.body !== undefined) args.push(`json=${pyLiteral(request.body, "    ")}`);
  return [
    "import requests",
    "",
    `response = requests.${request.method.toLowerCase()}(`,
    ...args.map((arg) => `    ${arg},`),
    ")",
    "response.raise_for_status()",
    ...{
      json: ["print(response.json())"],
      text: ["print(response.text)"],
      blob: [`with open(${JSON.stringify(downloadName(op))}, "wb") as file:`, "    file.write(response.content)"],
    }[answerOf(op)] ?? ["print(response.status_code)"],
    "",
  ].join("\n");
}

export function javascriptSample(model, op) {
  const request = httpRequest(model, op);
  const init = [`  method: ${JSON.stringify(request.method)},`];
  if (request.headers.length) init.push(`  headers: ${jsLiteral(Object.fromEntries(request.headers), "  ")},`);
  if (request.body !== undefined) init.push(`  body: JSON.stringify(${jsLiteral(request.body, "  ")}),`);
  return [
    `const response = await fetch(${JSON.stringify(request.url)}, {`,
    ...init,
    "});",
    "if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);",
    ...{
      json: ["console.log(await response.json());"],
      text: ["console.log(await response.text());"],
      blob: ["const bytes = new Uint8Array(await response.arrayBuffer());", 'console.log(bytes.length, "bytes");'],
    }[answerOf(op)] ?? ["console.log(response.status);"],
    "",
  ].join("\n");
}

/** The label of each sample, in the order the reference shows them (redocly.yaml lists the same tabs). */
export const SAMPLE_LABELS = ["curl", "TypeScript SDK", "CLI", "Python", "JavaScript"];

/** The `x-codeSamples` of one operation, in the order of SAMPLE_LABELS. */
export function codeSamples(model, op) {
  return [
    { lang: "Shell", label: "curl", source: curlSample(model, op) },
    { lang: "TypeScript", label: "TypeScript SDK", source: typescriptSample(model, op) },
    { lang: "Shell", label: "CLI", source: cliSample(model, op) },
    { lang: "Python", label: "Python", source: pythonSample(model, op) },
    { lang: "JavaScript", label: "JavaScript", source: javascriptSample(model, op) },
  ];
}
