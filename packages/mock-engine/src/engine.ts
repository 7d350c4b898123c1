// The stateful mock engine: (state, request) → response, transport-free. It reads only the operation
// model (which operation lists, creates, reads, changes or acts on which resource: see
// scripts/lib/resources.mjs) and the bundled spec (schemas, examples, headers). Operations it does not
// model answer the spec's example, so no operation gets worse than the example mock.
import { applyFields, resolveEffect, type ExpressionContext } from "./effects.js";
import { checkFixtures, type Fixtures } from "./fixtures.js";
import type { Effect, EngineModel, OperationModel, ResourceModel } from "./model.js";
import { seededRandom, stringFor } from "./random.js";
import { routeMatcher } from "./routes.js";
import { clone, deref, exampleOf, propertiesOf, responsesOf, type Json, type SpecResponse } from "./spec.js";

export interface EngineRequest {
  method: string;
  /** The path under the API's base URL, e.g. /instances/inst_1 (no query). */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body, if any. */
  body?: Json;
}

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  body?: Json;
  operationId?: string;
}

export interface RateLimitOptions {
  /** Requests per window and credential. */
  limit: number;
  /** The window, in seconds (default 60). */
  window?: number;
}

export interface EngineOptions {
  /**
   * The initial state: a number picks the sequence of generated ids (default 1, so two runs make the
   * same ids); fixtures per resource (`{ instances: [...] }`) replace the spec's seeds of that resource
   * and are validated against its schema.
   */
  seed?: number | Fixtures | undefined;
  /** Accept only these tokens (bearer tokens or session cookies); every other one gets the spec's 401. */
  tokens?: readonly string[] | undefined;
  /** How long an action runs before it completes, in ms (default: the operation's `x-effect.duration`, else 1000). */
  actionDuration?: number | undefined;
  /** Actions of these types (e.g. `["resize"]`) end failed instead of done, with an error and no effect. */
  failActions?: readonly string[] | undefined;
  /** Enforce a rate limit: a 429 with Retry-After once `limit` requests are spent in a window. */
  rateLimit?: number | RateLimitOptions | undefined;
  /** The clock (ms since the epoch); tests may pass their own. */
  now?: (() => number) | undefined;
}

export interface Engine {
  handle(request: EngineRequest): EngineResponse;
  /** The spec's answer of `operationId` for an error `status` (e.g. Prism's own 401/422 rejections, reworded). */
  errorAnswer(operationId: string | undefined, status: number, message?: string, problems?: Problem[]): EngineResponse | undefined;
  /** Back to the initial state (seeds, fixtures, id sequence, idempotency keys, rate limits). */
  reset(): void;
  /** A copy of the stored items of a resource. */
  items(resource: string): Array<Record<string, Json>>;
  readonly resources: readonly string[];
}

/** One problem of a rejected request: where (`query.status`, `body.name`) and what is wrong. */
export interface Problem {
  field: string;
  reason: string;
}

interface PendingAction {
  due: number;
  /** The action's type (the value of its enum field other than the status), e.g. "reboot". */
  kind: string | undefined;
  action: Record<string, Json>;
  resource: string;
  key: string;
  effect: Effect;
}

interface Context extends ExpressionContext {
  operation: OperationModel;
  requestId: string | undefined;
  scheme: string | undefined;
  rate: { limit: number; remaining: number; reset: number } | undefined;
  retryAfter?: number;
}

const DEFAULT_ACTION_MS = 1000;
const isDateTime = (schema: Json) => schema?.format === "date-time";
const singular = (name: string) => name.replace(/ies$/, "y").replace(/s$/, "");

export function createEngine(doc: Json, model: EngineModel, options: EngineOptions = {}): Engine {
  const now = options.now ?? Date.now;
  const match = routeMatcher(model.operations);
  const responses = new Map(model.operations.map((op) => [op.operationId, responsesOf(doc, op.method, op.path)]));
  const fixtures = typeof options.seed === "object" ? checkFixtures(doc, model.resources, options.seed) : {};
  const rateLimit = typeof options.rateLimit === "number" ? { limit: options.rateLimit } : options.rateLimit;

  let random = seededRandom(1);
  let store: Record<string, Array<Record<string, Json>>> = {};
  let pending: PendingAction[] = [];
  let idempotency = new Map<string, { hash: string; response: EngineResponse }>();
  let windows = new Map<string, { start: number; used: number }>();

  const resourceSchema = (resource: ResourceModel) => (resource.schema ? { $ref: resource.schema } : {});
  const keyOf = (resource: ResourceModel, item: Record<string, Json>) => String(item[resource.keyField]);
  const keySchema = (resource: ResourceModel) => deref(doc, propertiesOf(doc, resourceSchema(resource))[resource.keyField] ?? {});

  /** A fresh key for `resource`, matching its key schema's pattern and unused. */
  function newKey(name: string, fallback: string): string {
    const resource = model.resources[name]!;
    const schema = keySchema(resource);
    for (let attempt = 0; attempt < 50; attempt++) {
      const key = stringFor(random, schema.pattern, schema, `${fallback}${attempt || ""}`);
      if (!(store[name] ?? []).some((item) => keyOf(resource, item) === key)) return key;
    }
    return `${fallback}${Math.floor(random() * 1e9)}`;
  }

  function seedState() {
    random = seededRandom(typeof options.seed === "number" ? options.seed : 1);
    store = Object.fromEntries(Object.keys(model.resources).map((name) => [name, []]));
    pending = [];
    idempotency = new Map();
    windows = new Map();
    // the spec's seeds: the items of every list example, then the single items the other examples show
    for (const op of model.operations) {
      const role = op.mock;
      if (!role?.resource || fixtures[role.resource]) continue;
      const resource = model.resources[role.resource]!;
      const example = successResponse(op)?.examples[0]?.[1];
      if (example === undefined) continue;
      let items: Json[] = [];
      if (role.role === "list" || role.role === "subList") items = resource.listKey ? example?.[resource.listKey] ?? [] : Array.isArray(example) ? example : [];
      else if (["get", "update", "create"].includes(role.role) && example?.[resource.keyField] !== undefined) items = [example];
      for (const item of items) {
        if (!store[role.resource]!.some((existing) => keyOf(resource, existing) === keyOf(resource, item))) store[role.resource]!.push(clone(item));
      }
    }
    for (const [name, items] of Object.entries(fixtures)) store[name] = clone(items);
  }
  seedState();

  function successResponse(op: OperationModel): SpecResponse | undefined {
    const all = responses.get(op.operationId) ?? [];
    return all.find((response) => response.status === op.successStatus) ?? all.find((response) => /^2/.test(response.status));
  }
  const declared = (op: OperationModel, status: number) =>
    (responses.get(op.operationId) ?? []).find((response) => response.status === String(status) || response.status === `${String(status)[0]}XX`);

  // ---- actions: they complete lazily, when any request arrives after they are due ----

  function settle() {
    const time = now();
    const due = pending.filter((entry) => entry.due <= time).sort((a, b) => a.due - b.due);
    if (!due.length) return;
    pending = pending.filter((entry) => entry.due > time);
    for (const entry of due) {
      const config = model.resources[actionResourceName()!]?.action;
      const fails = Boolean(entry.kind && options.failActions?.includes(entry.kind));
      if (config) {
        entry.action[config.status] = fails ? config.failed : config.done;
        if (config.finishedAt) entry.action[config.finishedAt] = new Date(entry.due).toISOString();
        if (fails && config.error) entry.action[config.error] = failure(entry.kind!);
      }
      if (fails) continue;
      const resource = model.resources[entry.resource]!;
      const items = store[entry.resource] ?? [];
      const index = items.findIndex((item) => keyOf(resource, item) === entry.key);
      if (index === -1) continue;
      if (entry.effect.delete) forget(entry.resource, items[index]!);
      else applyFields(items[index]!, entry.effect);
    }
  }
  const actionResourceName = () => Object.keys(model.resources).find((name) => model.resources[name]!.action);

  /** An action object for work on `resource`/`key`, built from `base` (the operation's own example). */
  function startAction(base: Json, resourceName: string, key: string, effect: Effect, type?: string): Record<string, Json> | undefined {
    const actionsName = actionResourceName();
    if (!actionsName) return undefined;
    const actions = model.resources[actionsName]!;
    const config = actions.action!;
    const parentPattern = keySchema(model.resources[resourceName]!).pattern as string | undefined;
    // every id of the parent's kind in the example becomes the parent's id
    const parentId = parentPattern ? new RegExp(parentPattern, "u") : null;
    const mentions = (node: Json): boolean =>
      typeof node === "string" ? Boolean(parentId?.test(node)) : node && typeof node === "object" ? Object.values(node).some(mentions) : false;
    // without an example of its own (a create's action), an action of the same kind of resource is the model
    const template = base ?? store[actionsName]!.find(mentions) ?? store[actionsName]![0];
    if (!template) return undefined;
    const relink = (node: Json): Json => {
      if (typeof node === "string") return parentId?.test(node) ? key : node;
      if (Array.isArray(node)) return node.map(relink);
      if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, relink(v)]));
      return node;
    };
    const action: Record<string, Json> = relink(clone(template));
    const props = propertiesOf(doc, resourceSchema(actions));
    action[actions.keyField] = newKey(actionsName, "act_");
    action[config.status] = config.running;
    if (config.finishedAt) action[config.finishedAt] = null;
    if (config.error) action[config.error] = null;
    for (const [field, schema] of Object.entries(props)) {
      if (isDateTime(deref(doc, schema)) && action[field] !== null && field !== config.finishedAt) action[field] = new Date(now()).toISOString();
      // the create action's type: the field whose enum holds the declared type
      if (type && deref(doc, schema)?.enum?.includes(type)) action[field] = type;
    }
    store[actionsName]!.unshift(action);
    const duration = options.actionDuration ?? effect.duration ?? DEFAULT_ACTION_MS;
    const typeField = Object.entries(props).find(([field, schema]) => field !== config.status && Array.isArray(deref(doc, schema)?.enum))?.[0];
    const kind = typeField ? String(action[typeField]) : undefined;
    pending.push({ due: now() + duration, kind, action, resource: resourceName, key, effect });
    if (duration <= 0) settle();
    return action;
  }

  /** The error object of a failed action, in the shape of the action schema's error field. */
  function failure(kind: string): Json {
    const actions = model.resources[actionResourceName()!]!;
    const props = propertiesOf(doc, propertiesOf(doc, resourceSchema(actions))[actions.action!.error!] ?? {});
    const error: Record<string, string> = {};
    if ("code" in props) error.code = "ACTION_FAILED";
    if ("message" in props) error.message = `The mock fails every ${kind} action (failActions).`;
    return error;
  }

  /**
   * Removes an item, and every reference to it from the other resources' items: a field holding its
   * key becomes null (where the schema allows null), an array of keys loses it. So a deleted instance
   * leaves its floating IPs unassigned and its firewalls detached, as the real API does.
   */
  function forget(name: string, item: Record<string, Json>) {
    const resource = model.resources[name]!;
    const key = keyOf(resource, item);
    store[name] = store[name]!.filter((other) => other !== item);
    for (const [otherName, other] of Object.entries(model.resources)) {
      if (otherName === name || other.action) continue; // actions keep naming what they worked on
      const props = propertiesOf(doc, resourceSchema(other));
      for (const stored of store[otherName] ?? []) {
        for (const [field, value] of Object.entries(stored)) {
          if (field === other.keyField) continue;
          if (value === key && [deref(doc, props[field])?.type].flat().includes("null")) stored[field] = null;
          else if (Array.isArray(value) && value.includes(key)) stored[field] = value.filter((entry) => entry !== key);
        }
      }
    }
  }

  // ---- answers ----

  function find(name: string, key: string | undefined) {
    const resource = model.resources[name]!;
    return (store[name] ?? []).find((item) => keyOf(resource, item) === key);
  }

  function notFound(ctx: Context, name: string, key: string | undefined): EngineResponse {
    const resource = model.resources[name]!;
    return error(ctx, 404, `No ${singular(name)} with ${resource.keyField} ${key ?? ""} exists.`);
  }

  /**
   * The spec's error answer for `status`, its message replaced by `message` and its per-field details
   * (when the error body has a list of them) by `problems`, so they describe this request, not the example's.
   */
  function error(ctx: Context, status: number, message?: string, exampleHint?: RegExp, problems: Problem[] = []): EngineResponse {
    const response = declared(ctx.operation, status);
    const examples = response?.examples ?? [];
    const chosen = (exampleHint && examples.find(([name, value]) => exampleHint.test(name) || exampleHint.test(JSON.stringify(value)))) ?? examples[0];
    const body = clone(chosen?.[1]);
    const holder = model.errorShape.path.reduce((node: Json, key) => node?.[key], body);
    if (holder && typeof holder === "object") {
      if (message && model.errorShape.message) holder[model.errorShape.message] = message;
      const details = model.errorShape.details;
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

  const ok = (ctx: Context, body: Json, status?: number): EngineResponse => ({
    status: status ?? Number(ctx.operation.successStatus ?? 200),
    headers: {},
    ...(body === undefined || successResponse(ctx.operation)?.schema === undefined ? {} : { body }),
    operationId: ctx.operation.operationId,
  });

  /** The item answer of an operation: the stored item when the spec answers the resource's schema, else the example. */
  function itemAnswer(ctx: Context, name: string, item: Json): EngineResponse {
    const schema = successResponse(ctx.operation)?.schema;
    if (schema?.$ref && schema.$ref === model.resources[name]!.schema) return ok(ctx, clone(item));
    return ok(ctx, clone(successResponse(ctx.operation)?.examples[0]?.[1]));
  }

  function coerce(value: string, schema: Json): Json {
    const type = [deref(doc, schema ?? {})?.type].flat()[0];
    if (type === "integer" || type === "number") return Number(value);
    if (type === "boolean") return value === "true";
    return value;
  }
  const fieldValue = (item: Json, path: string) => path.split(".").reduce((node: Json, key) => node?.[key], item);

  /** A list answer: filtered by the query parameters that name a field, paginated with a true total. */
  function listAnswer(ctx: Context, name: string, items: Array<Record<string, Json>>): EngineResponse {
    const op = ctx.operation;
    const resource = model.resources[name]!;
    let selected = items;
    for (const [param, field] of Object.entries(op.mock?.filters ?? {})) {
      const wanted = ctx.query.getAll(param);
      if (!wanted.length) continue;
      const schema = op.parameters.find((p) => p.name === param)?.schema;
      const values = wanted.flatMap((value) => value.split(",")).map((value) => coerce(value, schema?.items ?? schema));
      selected = selected.filter((item) => {
        const actual = fieldValue(item, field);
        return Array.isArray(actual) ? values.some((value) => actual.includes(value)) : values.includes(actual);
      });
    }
    const example = clone(successResponse(op)?.examples[0]?.[1]) ?? {};
    const paging = op.pagination;
    let page = selected;
    if (paging) {
      const number = (param: string, fallback: number) => {
        const raw = ctx.query.get(param);
        const schema = deref(doc, op.parameters.find((p) => p.name === param)?.schema ?? {});
        return raw ? Number(raw) : schema?.default ?? fallback;
      };
      const pageNumber = number(paging.page, 1);
      const size = number(paging.pageSize, 25);
      page = selected.slice((pageNumber - 1) * size, pageNumber * size);
      const meta = paging.meta ? (example[paging.meta] ??= {}) : example;
      meta.total = selected.length;
      if (paging.meta) {
        meta[paging.page] = pageNumber;
        meta[paging.pageSize] = size;
      }
    }
    const key = resource.listKey ?? paging?.items;
    return ok(ctx, key ? { ...example, [key]: clone(page) } : clone(page));
  }

  function create(ctx: Context, name: string): EngineResponse {
    const resource = model.resources[name]!;
    const base = clone(successResponse(ctx.operation)?.examples[0]?.[1]) ?? {};
    const item: Record<string, Json> = {};
    const body = ctx.body && typeof ctx.body === "object" ? ctx.body : {};
    const sendable = propertiesOf(doc, ctx.operation.requestBody?.schema ?? {});
    for (const [field, raw] of Object.entries(propertiesOf(doc, resourceSchema(resource)))) {
      const schema = deref(doc, raw);
      const types = [schema?.type].flat();
      if (field === resource.keyField) item[field] = newKey(name, String(base[field] ?? `${singular(name)}_`));
      else if (body[field] !== undefined) item[field] = clone(body[field]);
      else if (isDateTime(schema) && base[field] !== null) item[field] = new Date(now()).toISOString();
      else if (schema?.default !== undefined) item[field] = clone(schema.default);
      // a field the client could have sent but did not: empty, not the example's (its tags, its instances)
      else if (field in sendable && types.includes("array")) item[field] = [];
      else if (field in sendable && types.includes("null")) item[field] = null;
      else if (base[field] !== undefined) item[field] = base[field];
    }
    const effect = ctx.operation.mock?.effect;
    if (effect?.while) applyFields(item, { set: resolveEffect(effect, ctx).while! });
    store[name]!.unshift(item);
    if (effect?.action) startAction(undefined, name, keyOf(resource, item), resolveEffect(effect, ctx), effect.action);
    else if (effect) applyFields(item, resolveEffect(effect, ctx));
    return ok(ctx, clone(item));
  }

  function dispatch(ctx: Context): EngineResponse {
    const role = ctx.operation.mock;
    const name = role?.resource;
    const resource = name ? model.resources[name] : undefined;
    const key = resource?.keyParam ? ctx.params[resource.keyParam] : undefined;
    switch (role?.role) {
      case "list":
        return listAnswer(ctx, name!, store[name!]!);
      case "subList": {
        const parent = model.resources[role.parent!]!;
        const parentKey = parent.keyParam ? ctx.params[parent.keyParam] : undefined;
        if (!find(role.parent!, parentKey)) return notFound(ctx, role.parent!, parentKey);
        const owned = store[name!]!.filter((item) => JSON.stringify(item).includes(JSON.stringify(parentKey)));
        return listAnswer(ctx, name!, owned);
      }
      case "create":
        return create(ctx, name!);
      case "get": {
        const item = find(name!, key);
        return item ? itemAnswer(ctx, name!, item) : notFound(ctx, name!, key);
      }
      case "update": {
        const item = find(name!, key);
        if (!item) return notFound(ctx, name!, key);
        const fields = propertiesOf(doc, resourceSchema(resource!));
        for (const [field, value] of Object.entries(ctx.body ?? {})) if (field in fields && field !== resource!.keyField) item[field] = clone(value);
        return itemAnswer(ctx, name!, item);
      }
      case "delete": {
        const item = find(name!, key);
        if (!item) return notFound(ctx, name!, key);
        forget(name!, item);
        return itemAnswer(ctx, name!, item);
      }
      case "action": {
        if (!find(name!, key)) return notFound(ctx, name!, key);
        const action = startAction(clone(successResponse(ctx.operation)?.examples[0]?.[1]), name!, key!, resolveEffect(role.effect ?? {}, ctx));
        return ok(ctx, clone(action));
      }
      case "effect": {
        const item = find(name!, key);
        if (!item) return notFound(ctx, name!, key);
        const effect = resolveEffect(role.effect ?? {}, ctx);
        if (effect.delete) forget(name!, item);
        else applyFields(item, effect);
        return itemAnswer(ctx, name!, item);
      }
      default: {
        const body = clone(successResponse(ctx.operation)?.examples[0]?.[1]);
        const patch = ctx.scheme ? role?.auth?.[ctx.scheme] : undefined;
        return ok(ctx, patch && body && typeof body === "object" ? { ...body, ...clone(patch) } : body);
      }
    }
  }

  // ---- the request's envelope: credentials, rate limit, idempotency, headers ----

  /** The security scheme the request's credential belongs to, and the credential itself. */
  function credentialOf(op: OperationModel, headers: EngineRequest["headers"]): { scheme: string; value: string } | undefined {
    for (const scheme of op.security) {
      const definition = model.securitySchemes[scheme];
      if (!definition) continue;
      if (definition.type === "http" && /^bearer$/i.test(definition.scheme ?? "")) {
        const match = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "");
        if (match) return { scheme, value: match[1]!.trim() };
      } else if (definition.type === "apiKey" && definition.in === "header") {
        const value = headers[String(definition.name).toLowerCase()];
        if (value) return { scheme, value };
      } else if (definition.type === "apiKey" && definition.in === "cookie") {
        const cookie = (headers.cookie ?? "").split(/;\s*/).find((part) => part.startsWith(`${definition.name}=`));
        if (cookie) return { scheme, value: cookie.slice(String(definition.name).length + 1) };
      }
    }
    return undefined;
  }

  function takeRate(credential: string): Context["rate"] {
    const limit = rateLimit?.limit ?? (specLimit ??= rateHeaderExample("limit") ?? null) ?? undefined;
    if (limit === undefined) return undefined;
    const windowMs = (rateLimit?.window ?? 60) * 1000;
    const time = now();
    let window = windows.get(credential);
    if (!window || time - window.start >= windowMs) windows.set(credential, (window = { start: time, used: 0 }));
    window.used++;
    // without a configured limit the count only informs; it never refuses (a test suite may be busy)
    return { limit, remaining: rateLimit ? limit - window.used : Math.max(0, limit - window.used), reset: window.start + windowMs };
  }
  /** The spec's example X-RateLimit-Limit, looked up once (null: the spec declares none). */
  let specLimit: number | null | undefined;
  function rateHeaderExample(which: string): number | undefined {
    for (const list of responses.values())
      for (const response of list)
        for (const [name, header] of Object.entries(response.headers))
          if (new RegExp(`ratelimit-${which}$`, "i").test(name)) return Number(exampleOf(doc, header));
    return undefined;
  }

  function decorate(ctx: Context, response: EngineResponse): EngineResponse {
    const spec = declared(ctx.operation, response.status);
    const headers: Record<string, string> = { ...response.headers };
    for (const [name, header] of Object.entries(spec?.headers ?? {})) {
      const lower = name.toLowerCase();
      let value: Json;
      if (lower === model.errorShape.requestIdHeader?.toLowerCase()) value = ctx.requestId;
      else if (ctx.rate && /ratelimit-limit$/.test(lower)) value = ctx.rate.limit;
      else if (ctx.rate && /ratelimit-remaining$/.test(lower)) value = Math.max(0, ctx.rate.remaining);
      else if (ctx.rate && /ratelimit-reset$/.test(lower)) {
        const example = Number(exampleOf(doc, header));
        value = example > 1e9 ? Math.ceil(ctx.rate.reset / 1000) : Math.max(0, Math.ceil((ctx.rate.reset - now()) / 1000));
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

  const requestIdHeaders = new Map<string, Json>();
  function context(operation: OperationModel, request: EngineRequest, params: Record<string, string>): Context {
    const idHeader = model.errorShape.requestIdHeader;
    let requestId: string | undefined;
    if (idHeader) {
      let header = requestIdHeaders.get(operation.operationId);
      if (header === undefined) {
        header = Object.values(responses.get(operation.operationId) ?? []).flatMap((r) => Object.entries(r.headers)).find(([name]) => name.toLowerCase() === idHeader.toLowerCase())?.[1] ?? null;
        requestIdHeaders.set(operation.operationId, header);
      }
      const schema = deref(doc, header?.schema ?? {});
      requestId = stringFor(random, schema?.pattern, schema ?? {}, String(exampleOf(doc, header) ?? "req_mock"));
    }
    return { operation, body: request.body, query: request.query, params, headers: request.headers, requestId, scheme: undefined, rate: undefined };
  }

  /** Prism's `Prefer` scenarios (`code=404`, `example=name`) keep working: the spec's own answer. */
  function preferred(ctx: Context, header: string | undefined): EngineResponse | undefined {
    if (!header) return undefined;
    const code = /(?:^|[,\s])code=(\d{3})/.exec(header)?.[1];
    const example = /(?:^|[,\s])example=([^,\s]+)/.exec(header)?.[1];
    if (!code && !example) return undefined;
    const all = responses.get(ctx.operation.operationId) ?? [];
    const response = code ? all.find((r) => r.status === code) : all.find((r) => r.examples.some(([name]) => name === example));
    if (!response) return undefined;
    const chosen = (example && response.examples.find(([name]) => name === example)) || response.examples[0];
    const status = Number(response.status) || Number(code) || 200;
    const retryAfter = Number(exampleOf(doc, response.headers["Retry-After"]));
    if ((status === 429 || status === 503) && retryAfter > 0) ctx.retryAfter = retryAfter;
    return { status, headers: {}, ...(chosen ? { body: clone(chosen[1]) } : {}), operationId: ctx.operation.operationId };
  }

  const hash = (value: Json) => JSON.stringify(value ?? null);

  function handle(request: EngineRequest): EngineResponse {
    settle();
    const route = match(request.method, request.path);
    if (!route) {
      return { status: 404, headers: { "content-type": "application/json" }, body: { message: `No operation for ${request.method} ${request.path}` } };
    }
    const ctx = context(route.operation, request, route.params);
    const op = route.operation;
    const credential = op.security.length ? credentialOf(op, request.headers) : undefined;
    ctx.scheme = credential?.scheme;
    ctx.rate = takeRate(credential?.value ?? "anonymous");
    // credentials first, as the API (and Prism's own mock) would: a refused token is a 401 whatever scenario was asked for
    if (op.security.length && options.tokens && !(credential && options.tokens.includes(credential.value))) {
      return decorate(ctx, error(ctx, 401));
    }
    const scenario = preferred(ctx, request.headers.prefer);
    if (scenario) return decorate(ctx, scenario);
    if (ctx.rate && rateLimit && ctx.rate.remaining < 0) {
      ctx.retryAfter = Math.max(1, Math.ceil((ctx.rate.reset - now()) / 1000));
      // the example's message names the spec's limit and wait; this one names the configured ones
      const message = `Rate limit of ${ctx.rate.limit} requests per ${rateLimit.window ?? 60} seconds exceeded; retry in ${ctx.retryAfter} seconds.`;
      return decorate(ctx, error(ctx, 429, message));
    }
    const idempotencyKey = op.idempotencyHeader ? request.headers[op.idempotencyHeader.toLowerCase()] : undefined;
    const scope = idempotencyKey && `${credential?.value ?? ""}\n${op.operationId}\n${request.path}\n${idempotencyKey}`;
    if (scope) {
      const earlier = idempotency.get(scope);
      if (earlier && earlier.hash === hash(request.body)) return clone(earlier.response);
      if (earlier) {
        const message = `The ${op.idempotencyHeader} ${idempotencyKey} was already used with a different request body.`;
        return decorate(ctx, error(ctx, 409, message, /idempot/i, [{ field: op.idempotencyHeader!, reason: "Use a new key for a different request." }]));
      }
    }
    const response = decorate(ctx, dispatch(ctx));
    if (scope && response.status < 500) idempotency.set(scope, { hash: hash(request.body), response: clone(response) });
    return response;
  }

  return {
    handle,
    errorAnswer(operationId, status, message, problems) {
      const operation = model.operations.find((op) => op.operationId === operationId);
      if (!operation || !declared(operation, status)) return undefined;
      const ctx = context(operation, { method: operation.method, path: operation.path, query: new URLSearchParams(), headers: {} }, {});
      return decorate(ctx, error(ctx, status, message, undefined, problems));
    },
    reset: seedState,
    items: (resource) => {
      settle();
      return clone(store[resource] ?? []);
    },
    resources: Object.keys(model.resources),
  };
}
