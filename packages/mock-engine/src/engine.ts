// The stateful mock engine, (state, request) → response with no transport: createEngine holds the state
// and routes each request through the stages (README.md); unmodelled operations answer the spec's example.
import { actionAnswer, settle } from "./actions.js";
import { decorate, declared, error, preferred, requestContext } from "./answers.js";
import { credentialOf, exampleAnswer, rateLimited, refused, takeRate } from "./auth-and-limits.js";
import { earlierAnswer, idempotencyKeyOf, remember } from "./idempotency.js";
import { applyEffect, create, get, remove, update } from "./items.js";
import { listAnswer, subListAnswer } from "./lists.js";
import type { EngineModel } from "./model.js";
import { routeMatcher } from "./routes.js";
import { fixturesOf, seededState } from "./seed.js";
import { clone, responsesOf, type Json } from "./spec.js";
import type { Context, EngineOptions, EngineRequest, EngineResponse, Env, Problem } from "./state.js";

export type { EngineOptions, EngineRequest, EngineResponse, Problem, RateLimitOptions } from "./state.js";

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

export function createEngine(doc: Json, model: EngineModel, options: EngineOptions = {}): Engine {
  const match = routeMatcher(model.operations);
  const setup = {
    doc,
    model,
    options,
    now: options.now ?? Date.now,
    responses: new Map(model.operations.map((op) => [op.operationId, responsesOf(doc, op.method, op.path)])),
  };
  const fixtures = fixturesOf(doc, model, options);
  const env: Env = { ...setup, state: seededState(setup, fixtures) };

  /** The operation's role in the model says which stage answers it. */
  function dispatch(ctx: Context): EngineResponse {
    const role = ctx.operation.mock;
    const name = role?.resource;
    const resource = name ? model.resources[name] : undefined;
    const key = resource?.keyParam ? ctx.params[resource.keyParam] : undefined;
    switch (role?.role) {
      case "list":
        return listAnswer(env, ctx, name!, env.state.store[name!]!);
      case "subList":
        return subListAnswer(env, ctx, name!, role.parent!);
      case "create":
        return create(env, ctx, name!);
      case "get":
        return get(env, ctx, name!, key);
      case "update":
        return update(env, ctx, name!, key);
      case "delete":
        return remove(env, ctx, name!, key);
      case "action":
        return actionAnswer(env, ctx, name!, key);
      case "effect":
        return applyEffect(env, ctx, name!, key);
      default:
        return exampleAnswer(env, ctx);
    }
  }

  function handle(request: EngineRequest): EngineResponse {
    settle(env);
    const route = match(request.method, request.path);
    if (!route) {
      return { status: 404, headers: { "content-type": "application/json" }, body: { message: `No operation for ${request.method} ${request.path}` } };
    }
    const op = route.operation;
    const ctx = requestContext(env, op, request, route.params);
    const credential = op.security.length ? credentialOf(env, op, request) : undefined;
    ctx.scheme = credential?.scheme;
    // counted before any refusal: a refused request spends the window too
    ctx.rate = takeRate(env, credential?.value ?? "anonymous");
    // credentials first, as the API (and Prism's own mock) would: a refused token is a 401 whatever scenario was asked for
    if (refused(env, op, credential?.value)) return decorate(env, ctx, error(env, ctx, 401));
    const scenario = preferred(env, ctx, request.headers.prefer);
    if (scenario) return decorate(env, ctx, scenario);
    const limited = rateLimited(env, ctx);
    if (limited) return decorate(env, ctx, limited);
    const idempotency = idempotencyKeyOf(op, request, credential?.value);
    const earlier = idempotency && earlierAnswer(env, ctx, idempotency, request.body);
    if (earlier) return earlier;
    const response = decorate(env, ctx, dispatch(ctx));
    if (idempotency) remember(env, idempotency, request.body, response);
    return response;
  }

  return {
    handle,
    errorAnswer(operationId, status, message, problems) {
      const operation = model.operations.find((op) => op.operationId === operationId);
      if (!operation || !declared(env, operation, status)) return undefined;
      const ctx = requestContext(env, operation, { method: operation.method, path: operation.path, query: new URLSearchParams(), headers: {} }, {});
      return decorate(env, ctx, error(env, ctx, status, message, undefined, problems));
    },
    reset: () => {
      env.state = seededState(env, fixtures);
    },
    items: (resource) => {
      settle(env);
      return clone(env.state.store[resource] ?? []);
    },
    resources: Object.keys(model.resources),
  };
}
