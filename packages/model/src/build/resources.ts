// Resource inference: which operations of a spec read and change which stored resources, so the
// stateful mock can keep state without a line of per-API code. The rules (ARCHITECTURE.md has the table):
//   collection  GET /things (a list answer) and/or POST /things           → list, create of `things`
//               (several of one namespace: the path ending in it keeps the name; a GET-only list of a
//               collection's items in its shape is a filtered view of it; a POST of an array is a bulk call)
//   item        /things/{key} GET, PATCH/PUT, DELETE                      → get, update, delete
//               (an item answer may hold the item in one property, `{ "thing": {…}, "links": … }`: itemKey)
//   sub-list    GET /things/{key}/others listing another resource's items → that resource, narrowed to the parent
//   action      an operation under /things/{key} (or its DELETE) answering an `x-action-object` schema
//               → starts an action on the thing; its `x-effect` applies when the action completes
//   effect      any other operation under /things/{key} with an `x-effect` → applied at once
//   example     everything else: the spec's own example answer
// Filters: a list's query parameter names a field of its items (same name, name + "s" for an array,
// `a_b` for `a.b`), unless `x-filter` names the field; page and page-size parameters paginate.
import type { Json, MockRole, ResourceModel } from "../api-model.js";
import { allOfProperties, deref, objectProperties } from "../schema.js";
import type { DraftOperation } from "./build-model.js";

const isTemplate = (segment: string): boolean => /^\{[^}]+\}$/.test(segment);
const json = (doc: Json, response: Json): Json => deref(doc, response ?? {})?.content?.["application/json"]?.schema;

/** A union or allOf of one member is that member (DigitalOcean's `items: { oneOf: [{ $ref: registry }] }`). */
const single = (schema: Json): Json => {
  const members = schema?.oneOf ?? schema?.anyOf ?? schema?.allOf;
  return Array.isArray(members) && members.length === 1 && Object.keys(schema).length === 1 ? members[0] : schema;
};

/** The schema a $ref names (kept as the identity of a resource's items), or the inline schema. */
const refOf = (schema: Json): string | null => {
  const node = single(schema);
  return node && typeof node.$ref === "string" ? node.$ref : null;
};

const properties = allOfProperties;

/** The items of a list answer: a bare array, or the one array property of an object. */
function listItems(doc: Json, schema: Json): { items: Json; key: string | null } | null {
  const node = deref(doc, schema ?? {});
  if (node.type === "array") return { items: single(node.items), key: null };
  const arrays = Object.entries(properties(doc, node)).filter(([, s]) => deref(doc, s).type === "array");
  return arrays.length === 1 ? { items: single(arrays[0]![1].items ?? deref(doc, arrays[0]![1]).items), key: arrays[0]![0] } : null;
}

/**
 * The field of the items the key path parameter names: the parameter's own name, its last `_` part
 * (`domain_name` → `name`, `floating_ip` → `ip`, `cluster_id` → `id`), else `id`, `uuid` or `name`,
 * whichever the item has first; null when it has none of them.
 */
function keyFieldOf(props: Record<string, Json>, keyParam: string | null): string | null {
  const candidates = [keyParam, keyParam?.split("_").at(-1), "id", "uuid", "name"];
  return candidates.find((field): field is string => Boolean(field && props[field])) ?? null;
}

/**
 * The property of an item answer holding the item: the one property of the answer (through allOf and
 * unions) whose schema is the item's, else (an answer without the key field itself) the one whose object
 * schema has the item's key field, in the first of `answers` (get, update, create) that has one; null when an answer is the item itself, or none holds it.
 */
function itemKeyOf(doc: Json, itemSchema: Json, keyField: string, answers: Json[]): string | null {
  const item = deref(doc, itemSchema);
  for (const answer of answers) {
    if (!answer) continue;
    if (deref(doc, answer) === item) return null;
    const props = Object.entries(objectProperties(doc, answer) ?? {});
    const holders = props.filter(([, schema]) => deref(doc, schema) === item);
    if (holders.length === 1) return holders[0]![0];
    if (props.some(([field]) => field === keyField)) return null; // an item of another schema, not an envelope
    const keyed = props.filter(([, schema]) => deref(doc, schema)?.type !== "array" && properties(doc, schema)[keyField]);
    if (holders.length === 0 && keyed.length === 1) return keyed[0]![0];
  }
  return null;
}

const successOf = (op: Json): string => Object.keys(op.responses ?? {}).find((status) => /^2\d\d$/.test(status)) ?? "";

/** Field of `schema` that a list query parameter filters on, or null. */
function filterField(doc: Json, itemSchema: Json, param: Json): string | null {
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

/** `/v2/droplets/backups/policies` → `policies`: a collection named by its path. */
const segmentName = (path: string): string => path.split("/").at(-1) ?? path;

/**
 * The name of the collection at `path`: its operations' namespace, or its last path segment. Several
 * collections may share one namespace (DigitalOcean's `droplets_list` at /v2/droplets and
 * `droplets_list_backup_policies` at /v2/droplets/backups/policies): the one whose path ends in the name
 * keeps it, the others are named by their path; null when that name is taken too (left to the example).
 */
function resourceName(resources: Record<string, ResourceModel>, namespace: string | null | undefined, path: string): string | null {
  const own = segmentName(path);
  const wanted = namespace ?? own;
  const holder = resources[wanted];
  if (!holder) return wanted;
  if (segmentName(holder.collection) !== wanted && own === wanted) {
    // the holder got the name first but does not end in it: it moves to its own path's name
    const moved = segmentName(holder.collection);
    if (resources[moved]) return null;
    resources[moved] = holder;
    delete resources[wanted];
    return wanted;
  }
  return resources[own] ? null : own;
}

/**
 * Infers the resources of a bundled spec from its paths. `operations` is the model's operation list
 * (operationId, method, path, parameters, pagination); the result is stored in model.json as
 * `resources` (what is stored) and `mock` (what each operation does to it).
 */
export function inferResources(
  doc: Json,
  operations: readonly DraftOperation[],
): { resources: Record<string, ResourceModel>; mock: Record<string, MockRole> } {
  const byPath = new Map<string, { op: DraftOperation; raw: Json }>();
  for (const op of operations) {
    const raw = deref(doc, doc.paths[op.path])[op.method.toLowerCase()];
    byPath.set(`${op.method} ${op.path}`, { op, raw });
  }
  const find = (method: string, path: string) => byPath.get(`${method} ${path}`);

  const actionRefs = new Set(
    Object.entries(doc.components?.schemas ?? {})
      .filter(([, schema]) => (schema as Json)["x-action-object"])
      .map(([name]) => `#/components/schemas/${name}`),
  );

  // 1. collections and their item paths
  const resources: Record<string, ResourceModel> = {};
  const paths = Object.keys(doc.paths ?? {});
  // collections one can create in first: a path that only lists their items again is a view of them
  const collections = [...paths].sort((a, b) => Number(!find("POST", a)) - Number(!find("POST", b)));
  for (const path of collections) {
    const segments = path.split("/");
    if (isTemplate(segments.at(-1) ?? "") || segments.slice(1).some(isTemplate)) continue;
    const list = find("GET", path);
    const create = find("POST", path);
    const listShape = list ? listItems(doc, json(doc, list.raw.responses?.[successOf(list.raw)])) : null;
    const created = create ? json(doc, create.raw.responses?.[successOf(create.raw)]) : null;
    const itemSchema = listShape?.items ?? created;
    if (!itemSchema || (!listShape && !create)) continue;
    // a read-only list of another collection's items, in the same shape (Petstore's GET /pet/findByStatus
    // beside POST /pet): a filtered view of that resource (step 2), not a store of its own
    const viewed = !create && Object.values(resources).find((r) => r.schema && r.schema === refOf(itemSchema) && r.listKey === (listShape?.key ?? null));
    if (viewed) continue;
    // a create that takes a list (Petstore's POST /user/createWithList) is a bulk call, not a collection
    const createBody = create ? deref(doc, deref(doc, create.raw.requestBody ?? {})?.content?.["application/json"]?.schema ?? {}) : null;
    if (!listShape && createBody?.type === "array") continue;
    const itemPath = paths.find((p) => p.startsWith(`${path}/`) && p.split("/").length === segments.length + 1 && isTemplate(p.split("/").at(-1) ?? ""));
    const keyParam = itemPath ? itemPath.split("/").at(-1)!.slice(1, -1) : null;
    const keyField = keyFieldOf(properties(doc, itemSchema), keyParam);
    // items the item path cannot find (none has a field its key names): not a store, the examples answer
    if (itemPath && !keyField) continue;
    const name = resourceName(resources, (list ?? create)!.op.namespace, path);
    if (!name) continue;
    const answerOf = (method: string, at: string | undefined) => {
      const found = at ? find(method, at) : undefined;
      return found ? json(doc, found.raw.responses?.[successOf(found.raw)]) : null;
    };
    const itemAnswers = [answerOf("GET", itemPath), answerOf("PATCH", itemPath), answerOf("PUT", itemPath), created];
    resources[name] = {
      collection: path,
      item: itemPath ?? null,
      keyParam,
      keyField: keyField ?? "id",
      schema: refOf(itemSchema),
      listKey: listShape?.key ?? null,
      itemKey: itemKeyOf(doc, itemSchema, keyField ?? "id", itemAnswers),
      action: actionRefs.has(refOf(itemSchema) ?? "") ? doc.components.schemas[refOf(itemSchema)!.split("/").at(-1)!]["x-action-object"] : null,
    };
  }
  // in spec order, whatever order they were found in
  const found = Object.entries(resources).sort(([, a], [, b]) => paths.indexOf(a.collection) - paths.indexOf(b.collection));
  for (const [name] of found) delete resources[name];
  for (const [name, resource] of found) resources[name] = resource;
  const byItemPath = new Map<string, string>(Object.entries(resources).flatMap(([name, r]) => (r.item ? [[r.item, name] as const] : [])));
  const bySchema = new Map<string, string>(Object.entries(resources).flatMap(([name, r]) => (r.schema ? [[r.schema, name] as const] : [])));
  const actionResource = Object.entries(resources).find(([, r]) => r.action)?.[0] ?? null;

  /** The item path that `path` is, or lies under: /instances/{id}/actions/stop → /instances/{id}. */
  const ownerOf = (path: string): { resource: string; itemPath: string } | null => {
    const segments = path.split("/");
    for (let end = segments.length; end > 1; end--) {
      const prefix = segments.slice(0, end).join("/");
      const resource = byItemPath.get(prefix);
      if (resource) return { resource, itemPath: prefix };
    }
    return null;
  };

  // 2. what each operation does
  const mock: Record<string, MockRole> = {};
  for (const { op, raw } of byPath.values()) {
    const effect = raw["x-effect"] ?? null;
    const auth = raw["x-mock-auth"] ?? null;
    const answer = json(doc, raw.responses?.[successOf(raw)]);
    const answersAction = actionRefs.has(refOf(answer) ?? "");
    const base = { ...(effect ? { effect } : {}), ...(auth ? { auth } : {}) };
    const collection = Object.entries(resources).find(([, r]) => r.collection === op.path)?.[0];
    const owner = ownerOf(op.path);
    if (collection && op.method === "GET" && listItems(doc, answer)) {
      mock[op.operationId] = { role: "list", resource: collection, filters: filters(doc, resources[collection]!, op, raw), ...base };
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
    } else if (owner && op.method === "GET" && listItems(doc, answer) && bySchema.has(refOf(listItems(doc, answer)!.items) ?? "")) {
      const listed = bySchema.get(refOf(listItems(doc, answer)!.items)!)!;
      mock[op.operationId] = { role: "subList", resource: listed, parent: owner.resource, filters: filters(doc, resources[listed]!, op, raw), ...base };
    } else if (!owner && op.method === "GET" && listItems(doc, answer) && bySchema.has(refOf(listItems(doc, answer)!.items) ?? "")) {
      // a view of a collection (see step 1): its items, filtered by the query parameters that name a field
      const listed = bySchema.get(refOf(listItems(doc, answer)!.items)!)!;
      mock[op.operationId] = { role: "list", resource: listed, filters: filters(doc, resources[listed]!, op, raw), ...base };
    } else if (owner && effect) {
      mock[op.operationId] = { role: "effect", resource: owner.resource, ...base };
    } else {
      mock[op.operationId] = { role: "example", ...base };
    }
  }
  return { resources, mock };
}

/** Query parameters of a list that filter its items: { param: field path }; pagination excluded. */
function filters(doc: Json, resource: ResourceModel, op: DraftOperation, raw: Json): Record<string, string> {
  const itemSchema = resource.schema ? { $ref: resource.schema } : null;
  const out: Record<string, string> = {};
  const rawParams = [...(deref(doc, doc.paths[op.path]).parameters ?? []), ...(raw.parameters ?? [])].map((p: Json) => deref(doc, p));
  for (const param of rawParams) {
    if (param.in !== "query" || [op.pagination?.page, op.pagination?.pageSize].includes(param.name)) continue;
    const field = itemSchema ? filterField(doc, itemSchema, param) : null;
    if (field) out[param.name] = field;
  }
  return out;
}

