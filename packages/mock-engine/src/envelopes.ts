// Items in envelopes: an API may answer an item inside one property (`{ "droplet": {…}, "links": {…} }`,
// the resource's itemKey) and take a create or update body the same way. Wrapped on the way out,
// unwrapped on the way in, only where the operation's own schemas say so.
import type { ResourceModel } from "./model.js";
import { deref, objectProperties, propertiesOf, type Json } from "./spec.js";
import type { Context, Env } from "./state.js";

/** The item of an answer example: the example, or what its envelope holds. */
export function itemOf(resource: ResourceModel, example: Json): Json {
  const key = resource.itemKey;
  return key && example && typeof example === "object" && example[key] && typeof example[key] === "object" ? example[key] : example;
}

/**
 * The fields a create or update body sends: the body, or what its envelope holds when the request
 * schema is an envelope (it has the itemKey property and the item's schema does not).
 */
export function sentFields(env: Env, ctx: Context, resource: ResourceModel): Record<string, Json> {
  const body = ctx.body && typeof ctx.body === "object" && !Array.isArray(ctx.body) ? ctx.body : {};
  const key = resource.itemKey;
  if (!key || !(key in body) || !body[key] || typeof body[key] !== "object") return body;
  const request = objectProperties(env.doc, ctx.operation.requestBody?.schema ?? {}) ?? {};
  const item = resource.schema ? propertiesOf(env.doc, { $ref: resource.schema }) : {};
  return key in request && !(key in item) ? body[key] : body;
}

/** The schema of what a create body sends for the item: the request schema, or its envelope's itemKey property. */
export function sentSchema(env: Env, ctx: Context, resource: ResourceModel): Json {
  const schema = ctx.operation.requestBody?.schema ?? {};
  const key = resource.itemKey;
  const held = key ? objectProperties(env.doc, schema)?.[key] : undefined;
  const item = resource.schema ? propertiesOf(env.doc, { $ref: resource.schema }) : {};
  return held && !(key! in item) ? deref(env.doc, held) : schema;
}
