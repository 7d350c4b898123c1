// One stored item at a time: create (what was sent, a new key, defaults and the example for the rest),
// get, update, delete, and an x-effect applied at once.
import { startAction } from "./actions.js";
import { answerHolding, itemAnswer, notFound, ok, successResponse } from "./answers.js";
import { applyFields, resolveEffect } from "./effects.js";
import { itemOf, sentFields, sentSchema } from "./envelopes.js";
import { clone, deref, fits, propertiesOf, requiredOf, sampleOf } from "./spec.js";
import type { Context, EngineResponse, Env, Item } from "./state.js";
import { find, forget, isDateTime, keyOf, newKey, resourceSchema, singular } from "./store.js";

export function create(env: Env, ctx: Context, name: string): EngineResponse {
  const { doc, model, state } = env;
  const resource = model.resources[name]!;
  const examples = successResponse(env, ctx.operation)?.examples ?? [];
  // the item of the example (out of its envelope when the answer has one)
  const base = clone(itemOf(resource, (examples.find(([, value]) => itemOf(resource, value) !== value) ?? examples[0])?.[1])) ?? {};
  const item: Item = {};
  const body = sentFields(env, ctx, resource);
  const sendable = propertiesOf(doc, sentSchema(env, ctx, resource));
  const required = requiredOf(doc, resourceSchema(resource));
  for (const [field, raw] of Object.entries(propertiesOf(doc, resourceSchema(resource)))) {
    const schema = deref(doc, raw);
    const types = [schema?.type].flat();
    // a value the client sent, when it has the item field's type (a create may take `image: "slug"` for an image object)
    const sent = body[field] !== undefined && fits(doc, schema, body[field]);
    // the key: the one the client chose (a domain's name), else a fresh one
    if (field === resource.keyField) item[field] = sent ? clone(body[field]) : newKey(env, name, String(base[field] ?? `${singular(name)}_`));
    else if (sent) item[field] = clone(body[field]);
    else if (isDateTime(schema) && base[field] !== null) item[field] = new Date(env.now()).toISOString();
    else if (schema?.default !== undefined) item[field] = clone(schema.default);
    // a field the client could have sent but did not: empty, not the example's (its tags, its instances)
    else if (field in sendable && types.includes("array")) item[field] = [];
    else if (field in sendable && types.includes("null")) item[field] = null;
    else if (base[field] !== undefined) item[field] = base[field];
    // a required field neither sent nor in the example: a value of its schema
    else if (required.includes(field)) item[field] = sampleOf(doc, raw);
  }
  const effect = ctx.operation.mock?.effect;
  if (effect?.while) applyFields(item, { set: resolveEffect(effect, ctx).while! });
  // a key the client chose that is taken (the spec's example name, seeded): the new item replaces the stored one
  state.store[name] = state.store[name]!.filter((stored) => keyOf(resource, stored) !== keyOf(resource, item));
  state.store[name]!.unshift(item);
  if (effect?.action) startAction(env, undefined, name, keyOf(resource, item), resolveEffect(effect, ctx), effect.action);
  else if (effect) applyFields(item, resolveEffect(effect, ctx));
  return ok(env, ctx, answerHolding(env, ctx, resource, item) ?? clone(item));
}

export function get(env: Env, ctx: Context, name: string, key: string | undefined): EngineResponse {
  const item = find(env, name, key);
  return item ? itemAnswer(env, ctx, name, item) : notFound(env, ctx, name, key);
}

/** Changes the fields of the item the body names; never its key, a field the schema lacks, or one of another type. */
export function update(env: Env, ctx: Context, name: string, key: string | undefined): EngineResponse {
  const item = find(env, name, key);
  if (!item) return notFound(env, ctx, name, key);
  const resource = env.model.resources[name]!;
  const fields = propertiesOf(env.doc, resourceSchema(resource));
  for (const [field, value] of Object.entries(sentFields(env, ctx, resource))) {
    // as in create: a field the item has, and a value of its type (an update may take `region: "nyc1"` for a region object)
    if (field in fields && field !== resource.keyField && fits(env.doc, fields[field], value)) item[field] = clone(value);
  }
  return itemAnswer(env, ctx, name, item);
}

export function remove(env: Env, ctx: Context, name: string, key: string | undefined): EngineResponse {
  const item = find(env, name, key);
  if (!item) return notFound(env, ctx, name, key);
  forget(env, name, item);
  return itemAnswer(env, ctx, name, item);
}

/** An operation with an x-effect but no action object: the effect applies now. */
export function applyEffect(env: Env, ctx: Context, name: string, key: string | undefined): EngineResponse {
  const item = find(env, name, key);
  if (!item) return notFound(env, ctx, name, key);
  const effect = resolveEffect(ctx.operation.mock?.effect ?? {}, ctx);
  if (effect.delete) forget(env, name, item);
  else applyFields(item, effect);
  return itemAnswer(env, ctx, name, item);
}
