// Building a response from the spec: the operation's example, its declared headers filled in, error
// bodies in the API's errorShape, and Prism's `Prefer: code=/example=` scenarios.
import type { OperationModel, ResourceModel } from "./model.js";
import { stringFor } from "./random.js";
import { clone, deref, exampleOf, objectProperties, sampleOf, type Json, type SpecResponse } from "./spec.js";
import type { Context, EngineRequest, EngineResponse, Env, Problem } from "./state.js";
import { singular } from "./store.js";

/** The response the operation answers on success: its declared success status, else its first 2XX. */
export function successResponse(env: Pick<Env, "responses">, op: OperationModel): SpecResponse | undefined {
  const all = env.responses.get(op.operationId) ?? [];
  return all.find((response) => response.status === op.successStatus) ?? all.find((response) => /^2/.test(response.status));
}

/** The response the operation declares for `status`, exactly or as a range (`4XX`). */
export const declared = (env: Pick<Env, "responses">, op: OperationModel, status: number) =>
  (env.responses.get(op.operationId) ?? []).find((response) => response.status === String(status) || response.status === `${String(status)[0]}XX`);

/** Per engine: each operation's request-id header, looked up once (null: it declares none). */
const requestIdHeaders = new WeakMap<Env, Map<string, Json>>();

/** A request's context, with the request id its answer carries (header and error body). */
export function requestContext(env: Env, operation: OperationModel, request: EngineRequest, params: Record<string, string>): Context {
  const idHeader = env.model.errorShape.requestIdHeader;
  let requestId: string | undefined;
  if (idHeader) {
    let headers = requestIdHeaders.get(env);
    if (!headers) requestIdHeaders.set(env, (headers = new Map()));
    let header = headers.get(operation.operationId);
    if (header === undefined) {
      header = Object.values(env.responses.get(operation.operationId) ?? []).flatMap((r) => Object.entries(r.headers)).find(([name]) => name.toLowerCase() === idHeader.toLowerCase())?.[1] ?? null;
      headers.set(operation.operationId, header);
    }
    const schema = deref(env.doc, header?.schema ?? {});
    requestId = stringFor(env.state.random, schema?.pattern, schema ?? {}, String(exampleOf(env.doc, header) ?? "req_mock"));
  }
  return { operation, body: request.body, query: request.query, params, headers: request.headers, requestId, scheme: undefined, rate: undefined };
}

/** A success answer; no body when the spec's success response has none. */
export const ok = (env: Env, ctx: Context, body: Json, status?: number): EngineResponse => ({
  status: status ?? Number(ctx.operation.successStatus ?? 200),
  headers: {},
  ...(body === undefined || successResponse(env, ctx.operation)?.schema === undefined ? {} : { body }),
  operationId: ctx.operation.operationId,
});

/**
 * The answer body holding `item` for this operation: the item itself when the success schema is the
 * item's, the envelope (its other fields from the example, else a value of its schema) when the schema
 * has the itemKey property, or a list of the item when it has the list's listKey array; undefined when
 * the answer is none of these (the caller answers the spec's example).
 */
export function answerHolding(env: Env, ctx: Context, resource: ResourceModel, item: Json): Json {
  const success = successResponse(env, ctx.operation);
  const schema = success?.schema;
  if (!schema) return undefined;
  if (resource.schema && schema.$ref === resource.schema) return clone(item);
  const props = objectProperties(env.doc, schema) ?? {};
  const key = resource.itemKey && resource.itemKey in props ? resource.itemKey : undefined;
  // an item path answering its collection's list shape (`{ "keys": [{…}] }`): a list of the one item
  const listed = !key && resource.listKey && deref(env.doc, props[resource.listKey] ?? {})?.type === "array" ? resource.listKey : undefined;
  const holder = key ?? listed;
  if (!holder) return undefined;
  const example = success.examples.map(([, value]) => value).find((value) => value && typeof value === "object" && holder in value);
  const envelope = clone(example) ?? sampleOf(env.doc, schema);
  return { ...(envelope && typeof envelope === "object" ? envelope : {}), [holder]: key ? clone(item) : [clone(item)] };
}

/**
 * The item answer of an operation: the stored item when the spec answers the resource's schema (or an
 * envelope holding it: answerHolding), else the example, else a value of its schema.
 */
export function itemAnswer(env: Env, ctx: Context, name: string, item: Json): EngineResponse {
  const held = answerHolding(env, ctx, env.model.resources[name]!, item);
  if (held !== undefined) return ok(env, ctx, held);
  // no example of the answer: a value of its schema, so it still has its declared media type
  const success = successResponse(env, ctx.operation);
  return ok(env, ctx, clone(success?.examples[0]?.[1]) ?? sampleOf(env.doc, success?.schema));
}

/**
 * The spec's error answer for `status`, its message replaced by `message` and its per-field details
 * (when the error body has a list of them) by `problems`, so they describe this request, not the example's.
 */
export function error(env: Env, ctx: Context, status: number, message?: string, exampleHint?: RegExp, problems: Problem[] = []): EngineResponse {
  const { errorShape } = env.model;
  const response = declared(env, ctx.operation, status);
  const examples = response?.examples ?? [];
  const chosen = (exampleHint && examples.find(([name, value]) => exampleHint.test(name) || exampleHint.test(JSON.stringify(value)))) ?? examples[0];
  // no example of this error: a value of its schema, so the answer still has the declared media type
  const body = clone(chosen?.[1]) ?? (response?.schema ? sampleOf(env.doc, response.schema) : undefined);
  const holder = errorShape.path.reduce((node: Json, key) => node?.[key], body);
  if (holder && typeof holder === "object") {
    if (message && errorShape.message) holder[errorShape.message] = message;
    const details = errorShape.details;
    if (message && details && Array.isArray(holder[details])) holder[details] = detailsFor(holder[details][0], problems);
  }
  return { status, headers: {}, body, operationId: ctx.operation.operationId };
}

/** Per-field details in the shape of the example's first one: its "where" field and its "what" field. */
function detailsFor(sample: Json, problems: Problem[]): Json[] {
  if (!sample || typeof sample !== "object") return [];
  const keys = Object.keys(sample);
  const where = keys.find((key) => /field|param|location|path|name/i.test(key));
  const what = keys.find((key) => key !== where && /reason|message|detail|description|issue/i.test(key));
  if (!where || !what || keys.length !== 2) return [];
  return problems.slice(0, 100).map((problem) => ({ [where]: problem.field.slice(0, 200), [what]: problem.reason.slice(0, 2000) }));
}

export function notFound(env: Env, ctx: Context, name: string, key: string | undefined): EngineResponse {
  const resource = env.model.resources[name]!;
  return error(env, ctx, 404, `No ${singular(name)} with ${resource.keyField} ${key ?? ""} exists.`);
}

/**
 * The answer as sent: the headers its declared response names (request id, rate limit and Retry-After
 * from this request, the others from the spec's examples), its media type, and the request id in an error body.
 */
export function decorate(env: Env, ctx: Context, response: EngineResponse): EngineResponse {
  const { doc, model } = env;
  const spec = declared(env, ctx.operation, response.status);
  const headers: Record<string, string> = { ...response.headers };
  for (const [name, header] of Object.entries(spec?.headers ?? {})) {
    const lower = name.toLowerCase();
    let value: Json;
    if (lower === model.errorShape.requestIdHeader?.toLowerCase()) value = ctx.requestId;
    else if (ctx.rate && /ratelimit-limit$/.test(lower)) value = ctx.rate.limit;
    else if (ctx.rate && /ratelimit-remaining$/.test(lower)) value = Math.max(0, ctx.rate.remaining);
    else if (ctx.rate && /ratelimit-reset$/.test(lower)) {
      // the spec's example says which kind of reset it means: epoch seconds, or seconds from now
      const example = Number(exampleOf(doc, header));
      value = example > 1e9 ? Math.ceil(ctx.rate.reset / 1000) : Math.max(0, Math.ceil((ctx.rate.reset - env.now()) / 1000));
    } else if (lower === "retry-after" && ctx.retryAfter !== undefined) value = ctx.retryAfter;
    else value = exampleOf(doc, header);
    if (value !== undefined && value !== null) headers[name] = String(value);
  }
  if (response.body !== undefined) {
    headers["content-type"] = spec?.contentType ?? "application/json";
    const holder = model.errorShape.path.reduce((node: Json, key) => node?.[key], response.body);
    if (response.status >= 400 && ctx.requestId && model.errorShape.requestId && holder && typeof holder === "object" && model.errorShape.requestId in holder) {
      holder[model.errorShape.requestId] = ctx.requestId;
    }
  }
  return { ...response, headers };
}

/** Prism's `Prefer` scenarios (`code=404`, `example=name`) keep working: the spec's own answer. */
export function preferred(env: Env, ctx: Context, header: string | undefined): EngineResponse | undefined {
  if (!header) return undefined;
  const code = /(?:^|[,\s])code=(\d{3})/.exec(header)?.[1];
  const example = /(?:^|[,\s])example=([^,\s]+)/.exec(header)?.[1];
  if (!code && !example) return undefined;
  const all = env.responses.get(ctx.operation.operationId) ?? [];
  const response = code ? all.find((r) => r.status === code) : all.find((r) => r.examples.some(([name]) => name === example));
  if (!response) return undefined;
  const chosen = (example && response.examples.find(([name]) => name === example)) || response.examples[0];
  const status = Number(response.status) || Number(code) || 200;
  const retryAfter = Number(exampleOf(env.doc, response.headers["Retry-After"]));
  if ((status === 429 || status === 503) && retryAfter > 0) ctx.retryAfter = retryAfter;
  // no example of the scenario's answer: a value of its schema, so it still has its declared media type
  const body = chosen ? clone(chosen[1]) : response.schema ? sampleOf(env.doc, response.schema) : undefined;
  return { status, headers: {}, ...(body === undefined ? {} : { body }), operationId: ctx.operation.operationId };
}
