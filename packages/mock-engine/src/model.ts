// The slice of the generated operation model (packages/<api>/generated/model.json) the engine reads:
// the resources scripts/lib/resources.mjs inferred and what each operation does to them.
import type { Json } from "./spec.js";

/** How an action object reports progress (`x-action-object` on its schema). */
export interface ActionObject {
  status: string;
  running: string;
  done: string;
  failed: string;
  finishedAt?: string;
  error?: string;
}

export interface ResourceModel {
  collection: string;
  item: string | null;
  keyParam: string | null;
  keyField: string;
  /** `#/components/schemas/…` of the stored items, when the spec names one. */
  schema: string | null;
  listKey: string | null;
  action: ActionObject | null;
}

/** `x-effect`: what an operation changes on the resource of its path. */
export interface Effect {
  set?: Record<string, Json>;
  add?: Record<string, Json>;
  remove?: Record<string, Json>;
  delete?: boolean;
  while?: Record<string, Json>;
  action?: string;
  duration?: number;
}

export interface MockRole {
  role: "list" | "create" | "get" | "update" | "delete" | "subList" | "action" | "effect" | "example";
  resource?: string;
  parent?: string;
  actions?: string;
  filters?: Record<string, string>;
  effect?: Effect;
  /** `x-mock-auth`: a patch of the success answer per security scheme that authenticated the request. */
  auth?: Record<string, Record<string, Json>>;
}

export interface OperationModel {
  operationId: string;
  method: string;
  path: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: Json }>;
  security: string[];
  successStatus: string | null;
  pagination: { page: string; pageSize: string; items: string; meta: string | null } | null;
  idempotencyHeader: string | null;
  requestBody?: { schema: Json } | null;
  mock?: MockRole | undefined;
}

export interface EngineModel {
  api: string;
  securitySchemes: Record<string, Json>;
  errorShape: { path: string[]; code?: string | null; message?: string | null; details?: string | null; requestId?: string | null; requestIdHeader?: string | null };
  resources: Record<string, ResourceModel>;
  operations: readonly OperationModel[];
}
