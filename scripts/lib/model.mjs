// The normalized operation model: the one intermediate that the SDK, CLI and docs samples all read.
// It is built from a bundled spec, never from the hand-written files directly.

import { isJsonMedia, parseAsOf } from "./media-types.mjs";
import { checkPathTemplate } from "./path-template.mjs";
import { isProtocolHeader } from "./protocol-headers.mjs";
import { inferResources, waitOf } from "./resources.mjs";

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** Follows local `#/components/...` refs until it reaches a non-ref object. */
export function deref(doc, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) throw new Error(`Circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    if (!current.$ref.startsWith("#/")) throw new Error(`Unbundled $ref ${current.$ref}: bundle the spec first`);
    current = current.$ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((obj, key) => obj?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable $ref ${[...seen].pop()}`);
  }
  return current;
}

/** Recursively inlines local refs in a schema (for CLI flag types and samples); cycles stop at the ref. */
export function inline(doc, node, stack = []) {
  if (Array.isArray(node)) return node.map((item) => inline(doc, item, stack));
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (stack.includes(node.$ref)) return { $ref: node.$ref };
    const { $ref, ...siblings } = node;
    return { ...inline(doc, deref(doc, { $ref }), [...stack, $ref]), ...inline(doc, siblings, stack) };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(doc, value, stack)]));
}

/** A server's URL with its variables at their defaults (`https://{region}.api.test` → `https://eu.api.test`). */
export function serverUrl(server) {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name) => server.variables?.[name]?.default ?? whole);
}

/** `instances.list` → { namespace: "instances", name: "list" }; `check` → { namespace: null, name: "check" }. */
export function splitOperationId(operationId) {
  const dot = operationId.lastIndexOf(".");
  return dot === -1
    ? { namespace: null, name: operationId }
    : { namespace: operationId.slice(0, dot), name: operationId.slice(dot + 1) };
}

/** Builds the model of every operation in a bundled spec, sorted by operationId. */
export function buildModel(api, doc, { specHash }) {
  const operations = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const rawParameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter((p) => !isProtocolHeader(deref(doc, p)));
      checkPathTemplate(method.toUpperCase(), path, rawParameters.map((p) => deref(doc, p)).filter((p) => p.in === "path").map((p) => p.name));
      const parameters = rawParameters.map((p) => {
        const param = deref(doc, p);
        return {
          name: param.name,
          in: param.in,
          required: Boolean(param.required),
          description: param.description ?? "",
          schema: inline(doc, param.schema ?? {}),
        };
      });
      const body = op.requestBody ? deref(doc, op.requestBody) : null;
      const [contentType, media] = body ? Object.entries(body.content ?? {})[0] ?? [] : [];
      const responses = Object.fromEntries(
        Object.entries(op.responses ?? {}).map(([status, r]) => {
          const response = deref(doc, r);
          const types = Object.keys(response.content ?? {});
          return [status, { description: response.description ?? "", hasBody: types.some(isJsonMedia), contentTypes: types }];
        }),
      );
      const successStatus = Object.keys(responses).find((status) => /^2\d\d$/.test(status)) ?? null;
      operations.push({
        operationId: op.operationId,
        ...splitOperationId(op.operationId),
        method: method.toUpperCase(),
        path,
        // the operation's own servers (else its path item's); null: the API's
        servers: op.servers?.length ? op.servers.map(serverUrl) : item.servers?.length ? item.servers.map(serverUrl) : null,
        summary: op.summary ?? "",
        description: op.description ?? "",
        tags: op.tags ?? [],
        security: (op.security ?? doc.security ?? []).flatMap((requirement) => Object.keys(requirement)),
        parameters,
        requestBody: body
          ? { required: Boolean(body.required), contentType, schema: inline(doc, media?.schema ?? {}) }
          : null,
        successStatus,
        responses,
        // what the SDK asks for (Accept) and how it reads the answer, from the 2xx media types
        successContentTypes: successTypes(responses),
        parseAs: parseAsOf(successTypes(responses)),
        bodyMode: bodyMode(doc, parameters, body, contentType, media),
        pagination: pagination(doc, method, parameters, op.responses?.[successStatus]),
        idempotencyHeader:
          parameters.find((p) => p.in === "header" && /^idempotency-key$/i.test(p.name))?.name ?? null,
      });
      operations.at(-1).exampleParams = exampleParams(doc, rawParameters, media, operations.at(-1));
    }
  }
  operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
  const { resources, mock } = inferResources(doc, operations);
  for (const op of operations) op.mock = mock[op.operationId];
  for (const op of operations) op.wait = waitOf(resources, operations, op);
  for (const op of operations) op.columns = columnsOf(doc, op);
  const ids = new Set();
  for (const { operationId } of operations) {
    if (ids.has(operationId)) throw new Error(`operationId "${operationId}" is used twice`);
    ids.add(operationId);
  }
  return {
    api,
    title: doc.info.title,
    version: doc.info.version,
    specHash,
    servers: (doc.servers ?? []).map(serverUrl),
    securitySchemes: doc.components?.securitySchemes ?? {},
    env: envNames(api),
    auth: authOf(doc.components?.securitySchemes ?? {}),
    errorShape: errorShape(doc),
    resources,
    login: loginOperation(doc, operations),
    operations,
  };
}

/**
 * The CLI's table columns for an operation's answer (`-o table`): `x-cli-columns` of the answer's schema,
 * or of its items for a list; null when the spec does not say (the CLI then picks).
 */
function columnsOf(doc, op) {
  const response = op.successStatus ? deref(doc, deref(doc, doc.paths[op.path])[op.method.toLowerCase()].responses[op.successStatus]) : null;
  let schema = deref(doc, response?.content?.["application/json"]?.schema ?? {});
  if (op.pagination) schema = deref(doc, objectProperties(doc, schema)?.[op.pagination.items] ?? {});
  if (schema?.type === "array") schema = deref(doc, schema.items ?? {});
  if (schema?.items && !schema["x-cli-columns"]) schema = deref(doc, schema.items);
  return Array.isArray(schema?.["x-cli-columns"]) ? schema["x-cli-columns"] : null;
}

/** The media types of an operation's 2xx answers, JSON first, each once. */
function successTypes(responses) {
  const types = [...new Set(Object.entries(responses).flatMap(([status, r]) => (/^2/.test(status) ? r.contentTypes : [])))];
  return [...types.filter(isJsonMedia), ...types.filter((t) => !isJsonMedia(t))];
}

/** Where an API's credentials are usually checked, best first (`cloudnode auth/check`, `cloudnexus me`). */
const LOGIN_PATHS = ["/auth/check", "/me", "/whoami", "/user", "/account"];

/**
 * The operation the CLI's `login` checks a token with: the one marked `x-cli-login: true`, else a secured
 * GET without inputs on a path like /auth/check or /me; null when there is none.
 */
function loginOperation(doc, operations) {
  const marked = operations.find((op) => deref(doc, deref(doc, doc.paths[op.path])[op.method.toLowerCase()])["x-cli-login"] === true);
  if (marked) return marked.operationId;
  const candidates = operations.filter(
    (op) => op.method === "GET" && op.security.length > 0 && !op.requestBody && op.parameters.every((p) => !p.required),
  );
  const best = candidates.filter((op) => LOGIN_PATHS.includes(op.path)).sort((a, b) => LOGIN_PATHS.indexOf(a.path) - LOGIN_PATHS.indexOf(b.path))[0];
  return best?.operationId ?? null;
}

// ---- Fields the SDK runtime reads (added to the model so the CLI and docs can read them too) ----

/** The environment variables a client reads: `<API>_TOKEN` and `<API>_BASE_URL`. */
export function envNames(api) {
  const prefix = api.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return { token: `${prefix}_TOKEN`, baseUrl: `${prefix}_BASE_URL` };
}

/** How credentials travel, from the security schemes: a token header (and its scheme) and/or a session cookie. */
export function authOf(schemes) {
  const auth = { header: null, scheme: null, cookie: null };
  for (const scheme of Object.values(schemes)) {
    if (scheme.type === "http" && /^bearer$/i.test(scheme.scheme ?? "") && !auth.header) {
      auth.header = "Authorization";
      auth.scheme = "Bearer";
    } else if (scheme.type === "apiKey" && scheme.in === "header" && !auth.header) {
      auth.header = scheme.name;
    } else if (scheme.type === "apiKey" && scheme.in === "cookie" && !auth.cookie) {
      auth.cookie = scheme.name;
    }
  }
  return auth;
}

/**
 * Top-level properties of an object schema (through allOf), or null when the schema is not an object.
 * A oneOf/anyOf of objects (a discriminated union) has the properties of every member.
 */
function objectProperties(doc, schema) {
  const node = deref(doc, schema ?? {});
  const parts = [node, ...(node.allOf ?? []).map((part) => deref(doc, part))];
  const members = (node.oneOf ?? node.anyOf ?? []).map((member) => objectProperties(doc, member));
  const union = members.length && members.every(Boolean) ? Object.assign({}, ...members.reverse()) : null;
  if (!union && !parts.some((part) => part.type === "object" || part.properties)) return null;
  return Object.assign({}, union, ...parts.map((part) => part.properties ?? {}));
}

/**
 * How the SDK's flat `params` carry the request body: "flat" spreads a JSON object body's properties
 * next to the parameters; "body" takes it under a `body` key (name clash, or not a JSON object).
 */
function bodyMode(doc, parameters, body, contentType, media) {
  if (!body) return null;
  const properties = /json/i.test(contentType ?? "") ? objectProperties(doc, media?.schema) : null;
  if (!properties) return "body";
  const names = new Set(parameters.map((p) => p.name));
  return Object.keys(properties).some((name) => names.has(name) || name === "body") ? "body" : "flat";
}

const PAGE_PARAMS = ["page"];
const SIZE_PARAMS = ["page_size", "per_page", "pageSize", "limit"];

/**
 * Page-number pagination: a GET with `page` and a page-size query parameter whose 2xx body holds one
 * array (the items) and the page's position (a `meta` object with `total`, or `total` at the top).
 */
function pagination(doc, method, parameters, successResponse) {
  if (method !== "get" || !successResponse) return null;
  const query = parameters.filter((p) => p.in === "query").map((p) => p.name);
  const page = PAGE_PARAMS.find((name) => query.includes(name));
  const pageSize = SIZE_PARAMS.find((name) => query.includes(name));
  if (!page || !pageSize) return null;
  const schema = deref(doc, successResponse).content?.["application/json"]?.schema;
  const properties = objectProperties(doc, schema);
  if (!properties) return null;
  const arrays = Object.entries(properties).filter(([, s]) => deref(doc, s).type === "array");
  if (arrays.length !== 1) return null;
  const metaEntry = Object.entries(properties).find(([, s]) => objectProperties(doc, s)?.total);
  if (!metaEntry && !properties.total) return null;
  return { page, pageSize, items: arrays[0][0], meta: metaEntry?.[0] ?? null };
}

const REQUEST_ID_HEADER = /^x?-?(request|response|correlation|trace)-?id$/i;
const FIELD_CANDIDATES = {
  code: ["code", "error_code", "errorCode", "type"],
  message: ["message", "detail", "error_description", "error_message", "errorMessage", "msg"],
  title: ["title"],
  details: ["details", "errors", "violations", "invalid_params"],
  requestId: ["request_id", "requestId", "response_id", "trace_id", "traceId", "correlation_id"],
};

/**
 * Where the fields of an error live, read from the schema most 4xx/5xx responses use: the path to the
 * object holding them (`[]` for Cloudnode's flat body, `["error"]` for CloudNexus's envelope), the name
 * of each field, and the response header carrying the request id. `x-error-fields` on the schema that
 * holds them (or on an envelope's property) names the fields; else they are inferred by common names.
 */
export function errorShape(doc) {
  const counts = new Map();
  // the request-id header of error responses (what an ApiError reports), else of any response
  const requestIdHeaders = { error: null, any: null };
  for (const item of Object.values(doc.paths ?? {}).map((i) => deref(doc, i))) {
    for (const method of HTTP_METHODS) {
      for (const [status, raw] of Object.entries(item[method]?.responses ?? {})) {
        const response = deref(doc, raw);
        const header = Object.keys(response.headers ?? {}).find((name) => REQUEST_ID_HEADER.test(name));
        if (header) {
          requestIdHeaders.any ??= header;
          if (/^[45]/.test(status)) requestIdHeaders.error ??= header;
        }
        const json = Object.keys(response.content ?? {}).find(isJsonMedia);
        const schema = json && response.content[json].schema;
        if (!/^[45]/.test(status) || !schema) continue;
        const key = schema.$ref ?? JSON.stringify(schema);
        counts.set(key, { schema, n: (counts.get(key)?.n ?? 0) + 1 });
      }
    }
  }
  const requestIdHeader = requestIdHeaders.error ?? requestIdHeaders.any;
  const shape = { path: [], code: null, message: null, title: null, details: null, requestId: null, requestIdHeader };
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!top) return shape;
  let holder = deref(doc, top.schema);
  let properties = objectProperties(doc, holder);
  const declared = (schema) => schema?.["x-error-fields"];
  const envelope =
    (!declared(holder) &&
      Object.entries(properties ?? {}).find(([, s]) => declared(deref(doc, s)))) ||
    (properties && !declared(holder) && !FIELD_CANDIDATES.message.some((name) => properties[name])
      ? // an envelope such as { error: { code, message } }: descend into the property that holds the message
        Object.entries(properties).find(([, s]) => FIELD_CANDIDATES.message.some((name) => objectProperties(doc, s)?.[name]))
      : null);
  if (envelope) {
    shape.path = [envelope[0]];
    holder = deref(doc, envelope[1]);
    properties = objectProperties(doc, holder);
  }
  const fields = declared(holder) ?? {};
  for (const [field, candidates] of Object.entries(FIELD_CANDIDATES)) {
    shape[field] = fields[field] ?? candidates.find((name) => properties?.[name]) ?? null;
  }
  return shape;
}

/**
 * The Accept header of an operation whose answer is not JSON: its 2xx media types, and JSON at a lower
 * preference when its errors are JSON (else a server negotiating strictly answers an error with 406).
 */
function acceptOf(op) {
  const jsonErrors = Object.entries(op.responses).some(([status, r]) => /^[45]/.test(status) && r.hasBody);
  return [...op.successContentTypes, ...(jsonErrors ? ["application/json;q=0.5"] : [])].join(", ");
}

/** Drops null/empty fields so the generated table stays small. */
const compact = (object) =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== false && !(typeof v === "object" && !Object.keys(v).length)));

/**
 * The slice of the model the SDK runtime needs at run time (bundled into every SDK, so kept small):
 * per operation its method, path, parameter locations, body mode, pagination and idempotency header.
 */
export function operationTable(model) {
  return {
    name: model.api,
    baseUrl: model.servers[0] ?? "",
    env: model.env,
    auth: compact(model.auth),
    errorShape: compact(model.errorShape),
    operations: Object.fromEntries(
      model.operations.map((op) => [
        op.operationId,
        compact({
          method: op.method,
          path: op.path,
          server: op.servers?.[0] ?? null,
          params: Object.fromEntries(op.parameters.map((p) => [p.name, p.in])),
          body: op.bodyMode,
          // only when not JSON: the runtime sends JSON unless told otherwise
          contentType: op.requestBody && !/json/i.test(op.requestBody.contentType ?? "") ? op.requestBody.contentType : null,
          json: Boolean(op.successStatus && op.responses[op.successStatus]?.hasBody),
          // only when not JSON: the runtime asks for JSON and parses it unless told otherwise
          accept: op.successContentTypes.length && op.parseAs !== "json" ? acceptOf(op) : null,
          parseAs: op.parseAs === "text" || op.parseAs === "blob" ? op.parseAs : null,
          idempotencyHeader: op.idempotencyHeader,
          pagination: op.pagination && compact(op.pagination),
          wait: op.wait,
        }),
      ]),
    ),
  };
}

/** The first example a spec gives for a parameter or schema: `example`, `examples`, `default`, `enum[0]`. */
function firstExample(doc, node) {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  if (node.examples && typeof node.examples === "object") {
    const first = Array.isArray(node.examples) ? node.examples[0] : Object.values(node.examples)[0];
    if (first !== undefined) return Array.isArray(node.examples) ? first : deref(doc, first).value;
  }
  if (node.schema) return firstExample(doc, deref(doc, node.schema));
  if (node.default !== undefined) return node.default;
  return node.enum?.[0];
}

/**
 * The SDK `params` of a call built from the spec's examples: every required parameter (the
 * idempotency key aside: the SDK sends one) and the request body example, flat or under `body`.
 * Docs samples, CLI tests and the SDK's every-operation test all start from it.
 */
function exampleParams(doc, rawParameters, media, operation) {
  const params = {};
  for (const raw of rawParameters) {
    const param = deref(doc, raw);
    if (!param.required || param.name === operation.idempotencyHeader) continue;
    params[param.name] = firstExample(doc, param) ?? null;
  }
  if (operation.bodyMode) {
    const body = firstExample(doc, media) ?? firstExample(doc, deref(doc, media?.schema ?? {})) ?? {};
    if (operation.bodyMode === "flat") Object.assign(params, body);
    else params.body = body;
  }
  return params;
}
