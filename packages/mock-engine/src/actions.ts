// Action objects: started in_progress by an action operation (or a create's x-effect.action), they
// complete after actionDuration, and their x-effect applies to the resource then (or they fail).
import { notFound, ok, successResponse } from "./answers.js";
import { applyFields, resolveEffect } from "./effects.js";
import type { Effect } from "./model.js";
import { clone, deref, propertiesOf, type Json } from "./spec.js";
import type { Context, EngineResponse, Env, Item } from "./state.js";
import { find, forget, isDateTime, keyOf, keySchema, newKey, resourceSchema } from "./store.js";

const DEFAULT_ACTION_MS = 1000;

const actionResourceName = (env: Env) => Object.keys(env.model.resources).find((name) => env.model.resources[name]!.action);

/** Completes the actions that are due. Lazily: on any request (or items()) after their due time, no timers. */
export function settle(env: Env): void {
  const { model, options, state } = env;
  const time = env.now();
  const due = state.pending.filter((entry) => entry.due <= time).sort((a, b) => a.due - b.due);
  if (!due.length) return;
  state.pending = state.pending.filter((entry) => entry.due > time);
  for (const entry of due) {
    const config = model.resources[actionResourceName(env)!]?.action;
    const fails = Boolean(entry.kind && options.failActions?.includes(entry.kind));
    if (config) {
      entry.action[config.status] = fails ? config.failed : config.done;
      if (config.finishedAt) entry.action[config.finishedAt] = new Date(entry.due).toISOString();
      if (fails && config.error) entry.action[config.error] = failure(env, entry.kind!);
    }
    if (fails) continue;
    const resource = model.resources[entry.resource]!;
    const items = state.store[entry.resource] ?? [];
    const index = items.findIndex((item) => keyOf(resource, item) === entry.key);
    if (index === -1) continue;
    if (entry.effect.delete) forget(env, entry.resource, items[index]!);
    else applyFields(items[index]!, entry.effect);
  }
}

/** An action object for work on `resource`/`key`, built from `base` (the operation's own example). */
export function startAction(env: Env, base: Json, resourceName: string, key: string, effect: Effect, type?: string): Item | undefined {
  const { doc, model, options, state } = env;
  const actionsName = actionResourceName(env);
  if (!actionsName) return undefined;
  const actions = model.resources[actionsName]!;
  const config = actions.action!;
  const parentPattern = keySchema(env, model.resources[resourceName]!).pattern as string | undefined;
  // every id of the parent's kind in the example becomes the parent's id
  const parentId = parentPattern ? new RegExp(parentPattern, "u") : null;
  const mentions = (node: Json): boolean =>
    typeof node === "string" ? Boolean(parentId?.test(node)) : node && typeof node === "object" ? Object.values(node).some(mentions) : false;
  // without an example of its own (a create's action), an action of the same kind of resource is the model
  const template = base ?? state.store[actionsName]!.find(mentions) ?? state.store[actionsName]![0];
  if (!template) return undefined;
  const relink = (node: Json): Json => {
    if (typeof node === "string") return parentId?.test(node) ? key : node;
    if (Array.isArray(node)) return node.map(relink);
    if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, relink(v)]));
    return node;
  };
  const action: Item = relink(clone(template));
  const props = propertiesOf(doc, resourceSchema(actions));
  action[actions.keyField] = newKey(env, actionsName, "act_");
  action[config.status] = config.running;
  if (config.finishedAt) action[config.finishedAt] = null;
  if (config.error) action[config.error] = null;
  for (const [field, schema] of Object.entries(props)) {
    if (isDateTime(deref(doc, schema)) && action[field] !== null && field !== config.finishedAt) action[field] = new Date(env.now()).toISOString();
    // the create action's type: the field whose enum holds the declared type
    if (type && deref(doc, schema)?.enum?.includes(type)) action[field] = type;
  }
  state.store[actionsName]!.unshift(action);
  const duration = options.actionDuration ?? effect.duration ?? DEFAULT_ACTION_MS;
  const typeField = Object.entries(props).find(([field, schema]) => field !== config.status && Array.isArray(deref(doc, schema)?.enum))?.[0];
  const kind = typeField ? String(action[typeField]) : undefined;
  state.pending.push({ due: env.now() + duration, kind, action, resource: resourceName, key, effect });
  if (duration <= 0) settle(env);
  return action;
}

/** The error object of a failed action, in the shape of the action schema's error field. */
function failure(env: Env, kind: string): Json {
  const { doc, model } = env;
  const actions = model.resources[actionResourceName(env)!]!;
  const props = propertiesOf(doc, propertiesOf(doc, resourceSchema(actions))[actions.action!.error!] ?? {});
  const error: Record<string, string> = {};
  if ("code" in props) error.code = "ACTION_FAILED";
  if ("message" in props) error.message = `The mock fails every ${kind} action (failActions).`;
  return error;
}

/** An action operation (`POST /instances/{id}/actions/stop`): the item's 404, else a new action from its example. */
export function actionAnswer(env: Env, ctx: Context, name: string, key: string | undefined): EngineResponse {
  if (!find(env, name, key)) return notFound(env, ctx, name, key);
  const action = startAction(env, clone(successResponse(env, ctx.operation)?.examples[0]?.[1]), name, key!, resolveEffect(ctx.operation.mock?.effect ?? {}, ctx));
  return ok(env, ctx, clone(action));
}
