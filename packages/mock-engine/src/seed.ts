// The initial state: the items the spec's examples show (else one its schemas give), or the user's fixtures (checked against the
// spec's schemas) in their place, and a fresh id sequence, no pending actions, keys or rate windows.
import { successResponse } from "./answers.js";
import { itemOf } from "./envelopes.js";
import { checkFixtures, type Fixtures } from "./fixtures.js";
import { seededRandom } from "./random.js";
import { clone, sampleOf, type Json } from "./spec.js";
import type { EngineOptions, Env, State } from "./state.js";
import { keyOf } from "./store.js";

/** The user's fixtures, checked once when the engine is created (a FixtureError there, not at reset). */
export const fixturesOf = (doc: Json, model: Env["model"], options: EngineOptions): Fixtures =>
  typeof options.seed === "object" ? checkFixtures(doc, model.resources, options.seed) : {};

/** A new state as the engine starts, and as reset() restores it. `env.state` is not read. */
export function seededState(env: Omit<Env, "state">, fixtures: Fixtures): State {
  const { model, options } = env;
  const store: State["store"] = Object.fromEntries(Object.keys(model.resources).map((name) => [name, []]));
  // the spec's seeds: the items of every list example, then the single items the other examples show
  for (const op of model.operations) {
    const role = op.mock;
    if (!role?.resource || fixtures[role.resource]) continue;
    const resource = model.resources[role.resource]!;
    const success = successResponse(env, op);
    // a spec with no example of its answers (Petstore's) still starts with an item: one its schema gives
    const example = success?.examples[0]?.[1] ?? (role.role === "list" || role.role === "get" ? sampleOf(env.doc, success?.schema) : undefined);
    if (example === undefined) continue;
    let items: Json[] = [];
    if (role.role === "list" || role.role === "subList") items = resource.listKey ? example?.[resource.listKey] ?? [] : Array.isArray(example) ? example : [];
    else if (["get", "update", "create"].includes(role.role) && itemOf(resource, example)?.[resource.keyField] !== undefined) items = [itemOf(resource, example)];
    for (const item of items) {
      if (!store[role.resource]!.some((existing) => keyOf(resource, existing) === keyOf(resource, item))) store[role.resource]!.push(clone(item));
    }
  }
  for (const [name, items] of Object.entries(fixtures)) store[name] = clone(items);
  return {
    random: seededRandom(typeof options.seed === "number" ? options.seed : 1),
    store,
    pending: [],
    idempotency: new Map(),
    windows: new Map(),
  };
}
