// The types the stages share: the engine's public request, response and options, and what one engine
// holds (its fixed inputs and the state reset() rebuilds) plus the context of one request.
import type { ExpressionContext } from "./effects.js";
import type { Fixtures } from "./fixtures.js";
import type { Effect, EngineModel, OperationModel } from "./model.js";
import type { Json, SpecResponse } from "./spec.js";

export interface EngineRequest {
  method: string;
  /** The path under the API's base URL, e.g. /instances/inst_1 (no query). */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body, if any. */
  body?: Json;
}

export interface EngineResponse {
  status: number;
  headers: Record<string, string>;
  body?: Json;
  operationId?: string;
}

export interface RateLimitOptions {
  /** Requests per window and credential. */
  limit: number;
  /** The window, in seconds (default 60). */
  window?: number;
}

export interface EngineOptions {
  /**
   * The initial state: a number picks the sequence of generated ids (default 1, so two runs make the
   * same ids); fixtures per resource (`{ instances: [...] }`) replace the spec's seeds of that resource
   * and are validated against its schema.
   */
  seed?: number | Fixtures | undefined;
  /** Accept only these tokens (bearer tokens or session cookies); every other one gets the spec's 401. */
  tokens?: readonly string[] | undefined;
  /** How long an action runs before it completes, in ms (default: the operation's `x-effect.duration`, else 1000). */
  actionDuration?: number | undefined;
  /** Actions of these types (e.g. `["resize"]`) end failed instead of done, with an error and no effect. */
  failActions?: readonly string[] | undefined;
  /** Enforce a rate limit: a 429 with Retry-After once `limit` requests are spent in a window. */
  rateLimit?: number | RateLimitOptions | undefined;
  /** The clock (ms since the epoch); tests may pass their own. */
  now?: (() => number) | undefined;
}

/** One problem of a rejected request: where (`query.status`, `body.name`) and what is wrong. */
export interface Problem {
  field: string;
  reason: string;
}

export type Item = Record<string, Json>;

export interface PendingAction {
  due: number;
  /** The action's type (the value of its enum field other than the status), e.g. "reboot". */
  kind: string | undefined;
  action: Item;
  resource: string;
  key: string;
  effect: Effect;
}

/** Everything reset() rebuilds: a new State replaces the old one whole. */
export interface State {
  /** The seeded generator of every id (items, actions, request ids). */
  random: () => number;
  store: Record<string, Item[]>;
  pending: PendingAction[];
  idempotency: Map<string, { hash: string; response: EngineResponse }>;
  /** Rate-limit windows per credential. */
  windows: Map<string, { start: number; used: number }>;
}

/** One engine: what it was created with, and its current state. */
export interface Env {
  doc: Json;
  model: EngineModel;
  options: EngineOptions;
  now: () => number;
  /** Every operation's declared responses, resolved once. */
  responses: Map<string, SpecResponse[]>;
  state: State;
}

/** One request as the stages see it; the envelope stages fill in scheme, rate and retryAfter. */
export interface Context extends ExpressionContext {
  operation: OperationModel;
  requestId: string | undefined;
  scheme: string | undefined;
  rate: { limit: number; remaining: number; reset: number } | undefined;
  retryAfter?: number;
}
