// The normalized operation model: the one intermediate that the SDK, CLI, MCP server, mock engine and
// docs samples all read. It is built from a bundled spec, never from the hand-written files directly.
import type { ApiModel, AuthModel, CredentialPlacement, OmittedOperation, BodyMode, Json, ModelOperation, ModelParameter, ModelResponse, Pagination } from "../api-model.js";
import { isJsonMedia, parseAsOf } from "../media-types.js";
import { envNames, splitOperationId } from "../names.js";
import { isProtocolHeader } from "../protocol-headers.js";
import { deref, HTTP_METHODS, inline, objectProperties, serverUrl } from "../schema.js";
import { CONVENTIONAL_ID } from "./derive-names.js";
import { errorShape } from "./error-shape.js";
import { exampleParams } from "./examples.js";
import { checkPathTemplate } from "./path-template.js";
import { inferResources } from "./resources.js";
import { waitOf } from "./wait.js";

/** An operation as first read, before the resources, waits and columns are known. */
export type DraftOperation = Omit<ModelOperation, "mock" | "wait" | "columns"> & Partial<Pick<ModelOperation, "mock" | "wait" | "columns">>;

/** Builds the model of every operation in a bundled spec, sorted by operationId. */
export function buildModel(api: string, doc: Json, { specHash }: { specHash: string }): ApiModel {
  const drafts: DraftOperation[] = [];
  // an operation the generator cannot represent is left out, named with the reason; the rest works
  const omitted: OmittedOperation[] = [];
  const ids = new Set<string>();
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const operationId: string | null = typeof op.operationId === "string" && op.operationId ? op.operationId : null;
      const leaveOut = (reason: string) => omitted.push({ method: method.toUpperCase(), path, operationId, reason });
      if (!operationId) {
        leaveOut("it has no operationId (name it in the API's overlay)");
      } else if (!CONVENTIONAL_ID.test(operationId)) {
        leaveOut(`its operationId is not \`<namespace>.<method>\` in camelCase (rename it in the API's overlay)`);
      } else if (ids.has(operationId)) {
        leaveOut(`another operation is already named "${operationId}" (rename one in the API's overlay)`);
      } else {
        try {
          drafts.push(readOperation(doc, path, method, item, op));
          ids.add(operationId);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          leaveOut(message.startsWith(`${method.toUpperCase()} ${path}: `) ? message.slice(method.length + path.length + 3) : message);
        }
      }
    }
  }
  drafts.sort((a, b) => a.operationId.localeCompare(b.operationId));
  const { resources, mock } = inferResources(doc, drafts);
  const withMock = drafts.map((op) => ({ ...op, mock: mock[op.operationId]! }));
  const operations: ModelOperation[] = withMock.map((op) => ({ ...op, wait: waitOf(resources, withMock, op), columns: columnsOf(doc, op) }));
  const schemes = doc.components?.securitySchemes ?? {};
  return {
    api,
    title: doc.info.title,
    version: doc.info.version,
    specHash,
    servers: (doc.servers ?? []).map(serverUrl),
    securitySchemes: schemes,
    env: envNames(api),
    auth: authOf(schemes, securityOf(doc.security), operations.map((op) => op.security)),
    errorShape: errorShape(doc),
    resources,
    login: loginOperation(doc, operations),
    operations,
    omitted,
  };
}

/** One operation of the spec as the model holds it (no resources yet). */
function readOperation(doc: Json, path: string, method: string, item: Json, op: Json): DraftOperation {
  const rawParameters: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter((p) => !isProtocolHeader(deref(doc, p)));
  checkPathTemplate(
    method.toUpperCase(),
    path,
    rawParameters.map((p) => deref(doc, p)).filter((p) => p.in === "path").map((p) => p.name),
  );
  const parameters: ModelParameter[] = rawParameters.map((p) => {
    const param = deref(doc, p);
    return { name: param.name, in: param.in, required: Boolean(param.required), description: param.description ?? "", schema: inline(doc, param.schema ?? {}) };
  });
  const body = op.requestBody ? deref(doc, op.requestBody) : null;
  const [contentType, media]: [string | undefined, Json] = body ? ((Object.entries(body.content ?? {})[0] as [string, Json]) ?? [undefined, undefined]) : [undefined, undefined];
  const responses: Record<string, ModelResponse> = Object.fromEntries(
    Object.entries(op.responses ?? {}).map(([status, r]) => {
      const response = deref(doc, r);
      const types = Object.keys(response.content ?? {});
      return [status, { description: response.description ?? "", hasBody: types.some(isJsonMedia), contentTypes: types }];
    }),
  );
  const successStatus = Object.keys(responses).find((status) => /^2\d\d$/.test(status)) ?? null;
  const statuses = Object.keys(responses);
  if (statuses.length && statuses.every((status) => /^[45](\d\d|XX)$/i.test(status))) {
    throw new Error(`it declares only error responses (${statuses.join(", ")}): a call could only fail`);
  }
  const requirements: Json[] = op.security ?? doc.security ?? [];
  const schemes = doc.components?.securitySchemes ?? {};
  const sendable = (requirement: Json) => Object.keys(requirement ?? {}).every((name) => schemes[name] && placementOf(deref(doc, schemes[name])));
  if (requirements.length && !requirements.some(sendable)) {
    const kinds = [...new Set(requirements.flatMap((requirement) => Object.keys(requirement ?? {}).map((name) => deref(doc, schemes[name] ?? {}).type ?? `undeclared "${name}"`)))];
    throw new Error(`the SDK cannot send a credential of its security (${kinds.join(", ")}: a client certificate or another scheme no header, query or cookie carries)`);
  }
  const successContentTypes = successTypes(responses);
  const idempotencyHeader = parameters.find((p) => p.in === "header" && /^idempotency-key$/i.test(p.name))?.name ?? null;
  const bodyMode = bodyModeOf(doc, parameters, body, contentType, media);
  return {
    operationId: op.operationId,
    ...splitOperationId(op.operationId),
    method: method.toUpperCase(),
    path,
    // the operation's own servers (else its path item's); null: the API's
    servers: op.servers?.length ? op.servers.map(serverUrl) : item.servers?.length ? item.servers.map(serverUrl) : null,
    summary: op.summary ?? "",
    description: op.description ?? "",
    tags: op.tags ?? [],
    security: securityOf(op.security ?? doc.security),
    parameters,
    requestBody: body ? { required: Boolean(body.required), ...(contentType === undefined ? {} : { contentType }), schema: inline(doc, media?.schema ?? {}) } : null,
    successStatus,
    responses,
    // what the SDK asks for (Accept) and how it reads the answer, from the 2xx media types
    successContentTypes,
    parseAs: parseAsOf(successContentTypes),
    bodyMode,
    pagination: pagination(doc, method, parameters, successStatus ? op.responses?.[successStatus] : undefined),
    idempotencyHeader,
    exampleParams: exampleParams(doc, rawParameters, media, { bodyMode, idempotencyHeader }),
  };
}

/**
 * The CLI's table columns for an operation's answer (`-o table`): `x-cli-columns` of the answer's schema,
 * or of its items for a list; null when the spec does not say (the CLI then picks).
 */
function columnsOf(doc: Json, op: DraftOperation): string[] | null {
  const response = op.successStatus ? deref(doc, deref(doc, doc.paths[op.path])[op.method.toLowerCase()].responses[op.successStatus]) : null;
  let schema = deref(doc, response?.content?.["application/json"]?.schema ?? {});
  if (op.pagination) schema = deref(doc, objectProperties(doc, schema)?.[op.pagination.items] ?? {});
  if (schema?.type === "array") schema = deref(doc, schema.items ?? {});
  if (schema?.items && !schema["x-cli-columns"]) schema = deref(doc, schema.items);
  return Array.isArray(schema?.["x-cli-columns"]) ? schema["x-cli-columns"] : null;
}

/** The media types of an operation's 2xx answers, JSON first, each once. */
function successTypes(responses: Record<string, ModelResponse>): string[] {
  const types = [...new Set(Object.entries(responses).flatMap(([status, r]) => (/^2/.test(status) ? r.contentTypes : [])))];
  return [...types.filter(isJsonMedia), ...types.filter((t) => !isJsonMedia(t))];
}

/** Where an API's credentials are usually checked, best first (`cloudnode auth/check`, `cloudnexus me`). */
const LOGIN_PATHS = ["/auth/check", "/me", "/whoami", "/user", "/account"];

/**
 * The operation the CLI's `login` checks a token with: the one marked `x-cli-login: true`, else a secured
 * GET without inputs on a path like /auth/check or /me; null when there is none.
 */
function loginOperation(doc: Json, operations: readonly ModelOperation[]): string | null {
  const marked = operations.find((op) => deref(doc, deref(doc, doc.paths[op.path])[op.method.toLowerCase()])["x-cli-login"] === true);
  if (marked) return marked.operationId;
  const candidates = operations.filter((op) => op.method === "GET" && op.security.length > 0 && !op.requestBody && op.parameters.every((p) => !p.required));
  const best = candidates.filter((op) => LOGIN_PATHS.includes(op.path)).sort((a, b) => LOGIN_PATHS.indexOf(a.path) - LOGIN_PATHS.indexOf(b.path))[0];
  return best?.operationId ?? null;
}

/** Scheme names of a `security` list, each once (an AND of schemes is read as either). */
const securityOf = (requirements: Json): string[] => [...new Set(((requirements ?? []) as Json[]).flatMap((requirement) => Object.keys(requirement ?? {})))];

/** Where a scheme's credential goes, or null for one the SDK cannot fill (HTTP digest, mutual TLS). */
function placementOf(scheme: Json): CredentialPlacement | null {
  const http = scheme.type === "http" ? String(scheme.scheme ?? "").toLowerCase() : null;
  if (http === "bearer" || scheme.type === "oauth2" || scheme.type === "openIdConnect") return { in: "header", name: "Authorization", prefix: "Bearer" };
  if (http === "basic") return { in: "header", name: "Authorization", prefix: "Basic" };
  if (scheme.type === "apiKey" && ["header", "query", "cookie"].includes(scheme.in) && typeof scheme.name === "string" && scheme.name) {
    return { in: scheme.in, name: scheme.name };
  }
  return null;
}

/**
 * How credentials travel, from the security schemes. The token fills every scheme but a session cookie;
 * the session, that cookie. A cookie scheme is a session when it is only ever an alternative to another
 * scheme (Cloudnode: a bearer token, or a `session` cookie); one that an operation requires alone is an
 * API key the token fills. `requirements`: each operation's security, as lists of scheme names.
 */
export function authOf(schemes: Record<string, Json>, security: readonly string[] = [], requirements: ReadonlyArray<readonly string[]> = [security]): AuthModel {
  const placements = Object.fromEntries(
    Object.entries(schemes).flatMap(([name, scheme]) => {
      const placement = placementOf(scheme);
      return placement ? [[name, placement] as const] : [];
    }),
  );
  const names = Object.keys(placements);
  const cookies = names.filter((name) => placements[name]!.in === "cookie");
  const standsAlone = (cookie: string) => requirements.some((names) => names.includes(cookie) && names.every((name) => name === cookie || !placements[name]));
  const sessions = cookies.filter((cookie) => !standsAlone(cookie));
  const session = sessions.length && cookies.length < names.length ? sessions[0]! : null;
  return {
    schemes: placements,
    token: names.filter((name) => name !== session),
    session,
    cookie: session ? placements[session]!.name : null,
    security: [...security],
  };
}

/**
 * How the SDK's flat `params` carry the request body: "flat" spreads a JSON object body's properties
 * next to the parameters; "body" takes it under a `body` key (name clash, or not a JSON object).
 */
function bodyModeOf(doc: Json, parameters: ModelParameter[], body: Json, contentType: string | undefined, media: Json): BodyMode | null {
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
function pagination(doc: Json, method: string, parameters: ModelParameter[], successResponse: Json): Pagination | null {
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
  return { page, pageSize, items: arrays[0]![0], meta: metaEntry?.[0] ?? null };
}
