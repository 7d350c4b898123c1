// The flags of a command, derived from its operation: one per parameter and per top-level body property.
import { asSchemas, isJsonBody, isRecord, objectShape, type CliModel, type CliOperation, type JsonSchema } from "@repo/model";

/** How a flag's text turns into a value. "json" takes JSON text (objects, unions, anything untyped). */
export type FlagKind = "string" | "integer" | "number" | "boolean" | "array" | "json";

export interface OperationFlag {
  /** The flag without its dashes, e.g. `page-size`. */
  readonly flag: string;
  /** The spec's name, e.g. `page_size`: the key in the SDK's params (or in the body). */
  readonly key: string;
  readonly in: "path" | "query" | "header" | "cookie" | "body";
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
  readonly kind: FlagKind;
  /** For arrays: how each item is read. */
  readonly itemKind?: FlagKind;
}

export interface GlobalFlag {
  readonly flag: string;
  readonly short?: string;
  readonly type: "string" | "boolean";
  readonly value?: string;
  readonly description: string;
  /** Only for APIs that accept a session cookie (help hides it elsewhere). */
  readonly cookieOnly?: boolean;
  /** A switch that is on by default: help shows it as --no-<flag>. */
  readonly negated?: boolean;
}

/** Flags every command takes. An operation's own flag with one of these names gets its location as a prefix. */
export const globalFlags: readonly GlobalFlag[] = [
  { flag: "data", type: "string", value: "json|@file", description: "The whole request body as JSON, or @file.json (@- reads stdin); flags override its fields" },
  { flag: "file", type: "string", value: "path|field=path", description: "Upload a file (- reads stdin): the whole body of a command that sends bytes, or a file field of a multipart/form-data body (field=path when it has several)" },
  { flag: "all", type: "boolean", description: "Follow pagination and print every item as one JSON line" },
  { flag: "output", short: "o", type: "string", value: "json|yaml|table", description: "How to print the answer: json (default), yaml, or a table for people" },
  { flag: "out-file", type: "string", value: "file", description: "Write the answer to this file instead of stdout (a PDF or other bytes as they came)" },
  { flag: "query", type: "string", value: "jmespath", description: "Select from the answer before printing, e.g. --query 'instances[].id' (JMESPath)" },
  { flag: "include", short: "i", type: "boolean", description: "Print the response status and headers before the body" },
  { flag: "token", type: "string", value: "token", description: "API token (overrides $<TOKEN_ENV> and the one stored by `login`)" },
  { flag: "session", type: "string", value: "id", description: "A session ID, sent as the API's session cookie (with the token, if one is set)", cookieOnly: true },
  { flag: "profile", type: "string", value: "name", description: "Use the login stored with `login --profile <name>` ($<PROFILE_ENV>)" },
  { flag: "base-url", type: "string", value: "url", description: "Send requests to this URL instead of the API's server ($<BASE_URL_ENV>)" },
  { flag: "mock", type: "boolean", description: "Start a local stateful mock of the API (judged by Prism) for this command and send the request there" },
  { flag: "static", type: "boolean", description: "With --mock: Prism's example mock (the spec's example whatever was sent) instead of the stateful one" },
  { flag: "prefer", type: "string", value: "code=404,example=name", description: "Ask a Prism mock (see --mock) for a scenario: a status code, a named example, or dynamic=true" },
  { flag: "max-retries", type: "string", value: "n", description: "Retry a request that got 429, 502, 503, 504 or no answer up to n times (default 2)" },
  { flag: "retry", type: "boolean", negated: true, description: "Never retry (the same as --max-retries 0)" },
  { flag: "quiet", type: "boolean", description: "Do not announce on stderr the retry waits longer than a second, nor --wait's progress" },
  { flag: "wait", type: "boolean", description: "For a command that starts long-running work: wait until it is done (progress on stderr on a terminal)" },
  { flag: "wait-timeout", type: "string", value: "seconds", description: "Give up --wait after this long (default 300); exits 124" },
  { flag: "verbose", type: "boolean", description: "Log requests and responses to stderr (token masked) and show stack traces" },
  { flag: "help", short: "h", type: "boolean", description: "Show help" },
  { flag: "version", type: "boolean", description: "Show the CLI and API versions" },
];

/** `--quiet`, or `--no-retry` for a switch that is on by default. */
export const globalFlagName = (g: GlobalFlag): string => `--${g.negated ? "no-" : ""}${g.flag}`;

/** The global flags that apply to an API (`--session` only where the spec has a session cookie). */
export const globalFlagsOf = (model: Pick<CliModel, "auth">): GlobalFlag[] =>
  globalFlags.filter((g) => !g.cookieOnly || Boolean(model.auth?.cookie));

/** `page_size` → `page-size`, `sshKeys` → `ssh-keys`, `X-Request-Id` → `x-request-id`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}

/** The JSON types a schema allows (through `type`, `allOf`, `enum`/`const`), `null` left out. */
export function schemaTypes(schema: JsonSchema): string[] {
  const { type } = schema;
  if (typeof type === "string") return type === "null" ? [] : [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string" && t !== "null");
  for (const part of asSchemas(schema.allOf)) {
    const types = schemaTypes(part);
    if (types.length) return types;
  }
  const values = Array.isArray(schema.enum) ? schema.enum : "const" in schema ? [schema.const] : [];
  const types = new Set(values.filter((v) => v !== null).map((v) => (Number.isInteger(v) ? "integer" : typeof v)));
  return [...types];
}

/** How a schema's values are read from a flag. */
export function kindOf(schema: JsonSchema): FlagKind {
  const types = schemaTypes(schema);
  if (types.length !== 1) return types.length === 2 && types.includes("integer") && types.includes("number") ? "number" : "json";
  const [type] = types;
  if (type === "string" || type === "integer" || type === "number" || type === "boolean" || type === "array") return type;
  return "json";
}

/**
 * Every flag of an operation: parameters first, then the JSON body's top-level (writable) properties.
 * Header parameters the client sets itself (Accept, Content-Type…) are not in the model
 * (scripts/lib/protocol-headers.mjs), so they are no flags either.
 */
export function operationFlags(operation: CliOperation): OperationFlag[] {
  const taken = new Set(globalFlags.map((g) => g.flag));
  const flags: OperationFlag[] = [];
  const add = (key: string, where: OperationFlag["in"], required: boolean, description: string, schema: JsonSchema) => {
    let flag = kebabCase(key);
    // A clash (with a global flag, or a body property named like a parameter) is told apart by its location.
    if (taken.has(flag)) flag = `${where}-${flag}`;
    taken.add(flag);
    const kind = kindOf(schema);
    const items = isRecord(schema.items) ? (schema.items as JsonSchema) : undefined;
    flags.push({
      flag, key, in: where, required, description: description || String(schema.description ?? ""), schema, kind,
      ...(kind === "array" ? { itemKind: items ? kindOf(items) : "json" } : {}),
    });
  };
  for (const parameter of operation.parameters) {
    add(parameter.name, parameter.in as OperationFlag["in"], parameter.required, parameter.description, parameter.schema);
  }
  const shape = isJsonBody(operation) && operation.requestBody ? objectShape(operation.requestBody.schema) : null;
  if (shape && operation.requestBody) {
    for (const [key, schema] of Object.entries(shape.properties)) {
      if (schema.readOnly === true) continue;
      add(key, "body", operation.requestBody.required && shape.required.has(key), "", schema);
    }
  }
  return flags;
}
