// Resource inference: which operations of a spec read and change which stored resources, so the
// stateful mock can keep state without a line of per-API code. The rules (ARCHITECTURE.md has the table):
//   collection  GET /things (a list answer) and/or POST /things           → list, create of `things`
//   item        /things/{key} GET, PATCH/PUT, DELETE                      → get, update, delete
//   sub-list    GET /things/{key}/others listing another resource's items → that resource, narrowed to the parent
//   action      an operation under /things/{key} (or its DELETE) answering an `x-action-object` schema
//               → starts an action on the thing; its `x-effect` applies when the action completes
//   effect      any other operation under /things/{key} with an `x-effect` → applied at once
//   example     everything else: the spec's own example answer
// Filters: a list's query parameter names a field of its items (same name, name + "s" for an array,
// `a_b` for `a.b`), unless `x-filter` names the field; page and page-size parameters paginate.
import { deref } from "./model.mjs";

const isTemplate = (segment) => /^\{[^}]+\}$/.test(segment);
const json = (doc, response) => deref(doc, response ?? {})?.content?.["application/json"]?.schema;

/** The schema a $ref names (kept as the identity of a resource's items), or the inline schema. */
const refOf = (schema) => (schema && typeof schema.$ref === "string" ? schema.$ref : null);

/** Properties of an object schema, through allOf. */
function properties(doc, schema) {
  const node = deref(doc, schema ?? {});
  const parts = [node, ...(node.allOf ?? []).map((part) => deref(doc, part))];
  return Object.assign({}, ...parts.map((part) => part.properties ?? {}));
}

/** The items of a list answer: a bare array, or the one array property of an object. */
function listItems(doc, schema) {
  const node = deref(doc, schema ?? {});
  if (node.type === "array") return { items: node.items, key: null };
  const arrays = Object.entries(properties(doc, node)).filter(([, s]) => deref(doc, s).type === "array");
  return arrays.length === 1 ? { items: arrays[0][1].items ?? deref(doc, arrays[0][1]).items, key: arrays[0][0] } : null;
}

const successOf = (op) => Object.keys(op.responses ?? {}).find((status) => /^2\d\d$/.test(status));

/** Field of `schema` that a list query parameter filters on, or null. */
function filterField(doc, itemSchema, param) {
  if (typeof param["x-filter"] === "string") return param["x-filter"];
  const props = properties(doc, itemSchema);
  if (props[param.name]) return param.name;
  if (props[`${param.name}s`] && deref(doc, props[`${param.name}s`]).type === "array") return `${param.name}s`;
  const split = param.name.lastIndexOf("_");
  if (split > 0) {
    const [outer, inner] = [param.name.slice(0, split), param.name.slice(split + 1)];
    if (props[outer] && properties(doc, props[outer])[inner]) return `${outer}.${inner}`;
  }
  return null;
}

/**
 * Infers the resources of a bundled spec from its paths. `operations` is the model's operation list
 * (operationId, method, path, parameters, pagination); the result is stored in model.json as
 * `resources` (what is stored) and `mock` (what each operation does to it).
 */
export function inferResources(doc, operations) {
  const byPath = new Map();
  for (const op of operations) {
    const raw = deref(doc, doc.paths[op.path])[op.method.toLowerCase()];
    byPath.set(`${op.method} ${op.path}`, { op, raw });
  }
  const find = (method, path) => byPath.get(`${method} ${path}`);

  const actionRefs = new Set(
    Object.entries(doc.components?.schemas ?? {})
      .filter(([, schema]) => schema["x-action-object"])
      .map(([name]) => `#/components/schemas/${name}`),
  );

  // 1. collections and their item paths
  const resources = {};
  const paths = Object.keys(doc.paths ?? {});
  for (const path of paths) {
    const segments = path.split("/");
    if (isTemplate(segments.at(-1) ?? "") || segments.slice(1).some(isTemplate)) continue;
    const list = find("GET", path);
    const create = find("POST", path);
    const listShape = list ? listItems(doc, json(doc, list.raw.responses?.[successOf(list.raw)])) : null;
    const created = create ? json(doc, create.raw.responses?.[successOf(create.raw)]) : null;
    const itemSchema = listShape?.items ?? created;
    if (!itemSchema || (!listShape && !create)) continue;
    const itemPath = paths.find((p) => p.startsWith(`${path}/`) && p.split("/").length === segments.length + 1 && isTemplate(p.split("/").at(-1)));
    const keyParam = itemPath ? itemPath.split("/").at(-1).slice(1, -1) : null;
    const props = properties(doc, itemSchema);
    const keyField = keyParam && props[keyParam] ? keyParam : "id";
    const name = (list ?? create).op.namespace ?? path.split("/").at(-1);
    resources[name] = {
      collection: path,
      item: itemPath ?? null,
      keyParam,
      keyField,
      schema: refOf(itemSchema),
      listKey: listShape?.key ?? null,
      action: actionRefs.has(refOf(itemSchema) ?? "") ? doc.components.schemas[refOf(itemSchema).split("/").at(-1)]["x-action-object"] : null,
    };
  }
  const byItemPath = new Map(Object.entries(resources).filter(([, r]) => r.item).map(([name, r]) => [r.item, name]));
  const bySchema = new Map(Object.entries(resources).filter(([, r]) => r.schema).map(([name, r]) => [r.schema, name]));
  const actionResource = Object.entries(resources).find(([, r]) => r.action)?.[0] ?? null;

  /** The item path that `path` is, or lies under: /instances/{id}/actions/stop → /instances/{id}. */
  const ownerOf = (path) => {
    const segments = path.split("/");
    for (let end = segments.length; end > 1; end--) {
      const prefix = segments.slice(0, end).join("/");
      if (byItemPath.has(prefix)) return { resource: byItemPath.get(prefix), itemPath: prefix };
    }
    return null;
  };

  // 2. what each operation does
  const mock = {};
  for (const { op, raw } of byPath.values()) {
    const effect = raw["x-effect"] ?? null;
    const auth = raw["x-mock-auth"] ?? null;
    const answer = json(doc, raw.responses?.[successOf(raw)]);
    const answersAction = actionRefs.has(refOf(answer) ?? "");
    const base = { ...(effect ? { effect } : {}), ...(auth ? { auth } : {}) };
    const collection = Object.entries(resources).find(([, r]) => r.collection === op.path)?.[0];
    const owner = ownerOf(op.path);
    if (collection && op.method === "GET" && listItems(doc, answer)) {
      mock[op.operationId] = { role: "list", resource: collection, filters: filters(doc, resources[collection], op, raw), ...base };
    } else if (collection && op.method === "POST") {
      mock[op.operationId] = { role: "create", resource: collection, ...base };
    } else if (owner && owner.itemPath === op.path && op.method === "GET") {
      mock[op.operationId] = { role: "get", resource: owner.resource, ...base };
    } else if (owner && owner.itemPath === op.path && (op.method === "PATCH" || op.method === "PUT")) {
      mock[op.operationId] = { role: "update", resource: owner.resource, ...base };
    } else if (owner && owner.itemPath === op.path && op.method === "DELETE" && !answersAction) {
      mock[op.operationId] = { role: "delete", resource: owner.resource, ...base };
    } else if (owner && answersAction) {
      mock[op.operationId] = { role: "action", resource: owner.resource, actions: actionResource, ...base };
    } else if (owner && op.method === "GET" && listItems(doc, answer) && bySchema.has(refOf(listItems(doc, answer).items) ?? "")) {
      const listed = bySchema.get(refOf(listItems(doc, answer).items));
      mock[op.operationId] = { role: "subList", resource: listed, parent: owner.resource, filters: filters(doc, resources[listed], op, raw), ...base };
    } else if (owner && effect) {
      mock[op.operationId] = { role: "effect", resource: owner.resource, ...base };
    } else {
      mock[op.operationId] = { role: "example", ...base };
    }
  }
  return { resources, mock };
}

/** Query parameters of a list that filter its items: { param: field path }; pagination excluded. */
function filters(doc, resource, op, raw) {
  const itemSchema = resource.schema ? { $ref: resource.schema } : null;
  const out = {};
  const rawParams = [...(deref(doc, doc.paths[op.path]).parameters ?? []), ...(raw.parameters ?? [])].map((p) => deref(doc, p));
  for (const param of rawParams) {
    if (param.in !== "query" || [op.pagination?.page, op.pagination?.pageSize].includes(param.name)) continue;
    const field = itemSchema ? filterField(doc, itemSchema, param) : null;
    if (field) out[param.name] = field;
  }
  return out;
}

const singularOf = (name) => name.replace(/ies$/, "y").replace(/s$/, "");

/**
 * How to wait for the long-running work an operation starts (`.wait()` in the SDK, `--wait` in the CLI),
 * from the same declarations the mock reads: an operation answering an `x-action-object` is done when
 * polling the action's `get` shows its `done` status (failed: its `failed` one); a create with
 * `x-effect.action` is done when polling the new item's `get` shows the fields its `set` declares.
 */
export function waitOf(resources, operations, op) {
  const getOf = (name) => operations.find((other) => other.mock?.role === "get" && other.mock.resource === name);
  const role = op.mock;
  if (role?.role === "action" && role.actions) {
    const actions = resources[role.actions];
    const poll = getOf(role.actions);
    if (!poll || !actions.keyParam) return null;
    const config = actions.action;
    return {
      poll: poll.operationId,
      param: actions.keyParam,
      from: actions.keyField,
      field: config.status,
      done: [config.done],
      failed: [config.failed],
      ...(config.error ? { error: config.error } : {}),
      what: singularOf(role.actions),
    };
  }
  const set = role?.effect?.set;
  if (role?.role === "create" && role.effect?.action && set) {
    const resource = resources[role.resource];
    const poll = getOf(role.resource);
    const [field, value] = Object.entries(set).find(([, v]) => typeof v !== "string" || !v.startsWith("$")) ?? [];
    if (!poll || !resource.keyParam || field === undefined) return null;
    return { poll: poll.operationId, param: resource.keyParam, from: resource.keyField, field, done: [value], what: singularOf(role.resource) };
  }
  return null;
}
