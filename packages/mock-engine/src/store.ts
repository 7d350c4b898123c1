// The stored items: found by key, given fresh keys that match the key schema, and removed together
// with every reference the other resources hold to them.
import type { ResourceModel } from "./model.js";
import { stringFor } from "./random.js";
import { deref, propertiesOf, type Json } from "./spec.js";
import type { Env, Item } from "./state.js";
import { singular } from "@repo/model";

// the one plural → singular rule (the waiters say "instance" with it too)
export { singular };

export const isDateTime = (schema: Json) => schema?.format === "date-time";
/** `instances` → `instance`, `policies` → `policy`: for messages and key prefixes. */

export const resourceSchema = (resource: ResourceModel) => (resource.schema ? { $ref: resource.schema } : {});
export const keyOf = (resource: ResourceModel, item: Item) => String(item[resource.keyField]);
export const keySchema = (env: Env, resource: ResourceModel) => deref(env.doc, propertiesOf(env.doc, resourceSchema(resource))[resource.keyField] ?? {});

export function find(env: Env, name: string, key: string | undefined): Item | undefined {
  const resource = env.model.resources[name]!;
  return (env.state.store[name] ?? []).find((item) => keyOf(resource, item) === key);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The schema of the path parameter an item's operations name it by (from its get, else any of its operations). */
function keyParamSchema(env: Env, name: string): Json {
  const resource = env.model.resources[name]!;
  const ops = env.model.operations.filter((op) => op.mock?.resource === name && op.path === resource.item);
  const param = ops.flatMap((op) => op.parameters).find((p) => p.in === "path" && p.name === resource.keyParam);
  return deref(env.doc, param?.schema ?? {}) ?? {};
}

/** A UUID (version 4 layout) from the engine's seeded generator, so a seed repeats its ids. */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/**
 * A fresh key for `resource`, unused and of its key schema's kind: the next integer for an integer key
 * (Petstore's pet ids), a UUID or an IP address for `format: uuid`, `ipv4`, `ipv6`, else a string matching
 * the schema's pattern.
 */
export function newKey(env: Env, name: string, fallback: string): string | number {
  const { model, state } = env;
  const resource = model.resources[name]!;
  // the key field's schema, with what the key path parameter's schema adds (DigitalOcean's `format: uuid`)
  const schema = { ...keyParamSchema(env, name), ...keySchema(env, resource) };
  if (UUID.test(fallback) && !schema.pattern) schema.format ??= "uuid"; // a key shaped like its example
  const taken = (key: string | number) => (state.store[name] ?? []).some((item) => keyOf(resource, item) === String(key));
  if ([schema.type].flat().some((type) => type === "integer" || type === "number")) {
    const numbers = (state.store[name] ?? []).map((item) => Number(item[resource.keyField])).filter(Number.isFinite);
    return Math.max(Number(schema.minimum ?? 1) - 1, 0, ...numbers) + 1;
  }
  // a UUID, or an IP address (a reserved IP is keyed by its address), from the seeded generator
  const byFormat: Record<string, () => string> = {
    uuid: () => seededUuid(state.random),
    ipv4: () => `203.0.113.${1 + Math.floor(state.random() * 254)}`,
    ipv6: () => `2001:db8::${Math.floor(state.random() * 0xffff).toString(16)}:${Math.floor(state.random() * 0xffff).toString(16)}`,
  };
  const generate = byFormat[String(schema.format)];
  if (generate) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const key = generate();
      if (!taken(key)) return key;
    }
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const key = stringFor(state.random, schema.pattern, schema, `${fallback}${attempt || ""}`);
    if (!(state.store[name] ?? []).some((item) => keyOf(resource, item) === key)) return key;
  }
  return `${fallback}${Math.floor(state.random() * 1e9)}`;
}

/**
 * Removes an item, and every reference to it from the other resources' items: a field holding its
 * key becomes null (where the schema allows null), an array of keys loses it. So a deleted instance
 * leaves its floating IPs unassigned and its firewalls detached, as the real API does.
 */
export function forget(env: Env, name: string, item: Item): void {
  const { doc, model, state } = env;
  const resource = model.resources[name]!;
  const key = keyOf(resource, item);
  state.store[name] = state.store[name]!.filter((other) => other !== item);
  for (const [otherName, other] of Object.entries(model.resources)) {
    if (otherName === name || other.action) continue; // actions keep naming what they worked on
    const props = propertiesOf(doc, resourceSchema(other));
    for (const stored of state.store[otherName] ?? []) {
      for (const [field, value] of Object.entries(stored)) {
        if (field === other.keyField) continue;
        if (value === key && [deref(doc, props[field])?.type].flat().includes("null")) stored[field] = null;
        else if (Array.isArray(value) && value.includes(key)) stored[field] = value.filter((entry) => entry !== key);
      }
    }
  }
}
