// Idempotency-Key: a repeated key replays the first answer for the same body and is a 409 for another,
// per credential, operation and path.
import { decorate, error } from "./answers.js";
import type { OperationModel } from "./model.js";
import { clone, type Json } from "./spec.js";
import type { Context, EngineRequest, EngineResponse, Env } from "./state.js";

/** A request's key and the scope it is remembered under. */
export interface IdempotencyKey {
  key: string;
  scope: string;
}

const hash = (value: Json) => JSON.stringify(value ?? null);

/** The request's key, when its operation takes one and it was sent (an empty header is no key). */
export function idempotencyKeyOf(op: OperationModel, request: EngineRequest, credential: string | undefined): IdempotencyKey | undefined {
  const key = op.idempotencyHeader ? request.headers[op.idempotencyHeader.toLowerCase()] : undefined;
  if (!key) return undefined;
  return { key, scope: `${credential ?? ""}\n${op.operationId}\n${request.path}\n${key}` };
}

/** The finished answer an earlier use of the key gives: its replay for the same body, a 409 for another; else undefined. */
export function earlierAnswer(env: Env, ctx: Context, idempotency: IdempotencyKey, body: Json): EngineResponse | undefined {
  const earlier = env.state.idempotency.get(idempotency.scope);
  if (!earlier) return undefined;
  if (earlier.hash === hash(body)) return clone(earlier.response);
  const header = ctx.operation.idempotencyHeader!;
  const message = `The ${header} ${idempotency.key} was already used with a different request body.`;
  return decorate(env, ctx, error(env, ctx, 409, message, /idempot/i, [{ field: header, reason: "Use a new key for a different request." }]));
}

/** Keeps the answer for replay; a 5XX is not kept, so a retry gets another chance. */
export function remember(env: Env, idempotency: IdempotencyKey, body: Json, response: EngineResponse): void {
  if (response.status < 500) env.state.idempotency.set(idempotency.scope, { hash: hash(body), response: clone(response) });
}
