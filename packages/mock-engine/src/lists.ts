// List answers: the stored items filtered by the query parameters that name a field, paginated, with a
// true meta.total; a sub-list holds the items that mention its parent.
import { notFound, ok, successResponse } from "./answers.js";
import { clone, deref, sampleOf, type Json } from "./spec.js";
import type { Context, EngineResponse, Env, Item } from "./state.js";
import { find } from "./store.js";

/** A query value as the type its parameter declares (the query only holds strings). */
function coerce(env: Env, value: string, schema: Json): Json {
  const type = [deref(env.doc, schema ?? {})?.type].flat()[0];
  if (type === "integer" || type === "number") return Number(value);
  if (type === "boolean") return value === "true";
  return value;
}
const fieldValue = (item: Json, path: string) => path.split(".").reduce((node: Json, key) => node?.[key], item);

/** A list answer: filtered by the query parameters that name a field, paginated with a true total. */
export function listAnswer(env: Env, ctx: Context, name: string, items: Item[]): EngineResponse {
  const op = ctx.operation;
  const resource = env.model.resources[name]!;
  let selected = items;
  for (const [param, field] of Object.entries(op.mock?.filters ?? {})) {
    const wanted = ctx.query.getAll(param);
    if (!wanted.length) continue;
    const schema = op.parameters.find((p) => p.name === param)?.schema;
    const values = wanted.flatMap((value) => value.split(",")).map((value) => coerce(env, value, schema?.items ?? schema));
    selected = selected.filter((item) => {
      const actual = fieldValue(item, field);
      return Array.isArray(actual) ? values.some((value) => actual.includes(value)) : values.includes(actual);
    });
  }
  // the list's other fields (links, meta, `has_more`) from the example, else a value of its schema
  const success = successResponse(env, op);
  const example = clone(success?.examples[0]?.[1]) ?? sampleOf(env.doc, success?.schema) ?? {};
  const paging = op.pagination;
  let page = selected;
  if (paging) {
    const number = (param: string, fallback: number) => {
      const raw = ctx.query.get(param);
      const schema = deref(env.doc, op.parameters.find((p) => p.name === param)?.schema ?? {});
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
  return ok(env, ctx, key ? { ...example, [key]: clone(page) } : clone(page));
}

/** A sub-list (`/instances/{id}/actions`): the parent's 404, else the items that mention the parent's key. */
export function subListAnswer(env: Env, ctx: Context, name: string, parentName: string): EngineResponse {
  const parent = env.model.resources[parentName]!;
  const parentKey = parent.keyParam ? ctx.params[parent.keyParam] : undefined;
  if (!find(env, parentName, parentKey)) return notFound(env, ctx, parentName, parentKey);
  const owned = env.state.store[name]!.filter((item) => JSON.stringify(item).includes(JSON.stringify(parentKey)));
  return listAnswer(env, ctx, name, owned);
}
