// The slice of the model the engine reads: @repo/model's types, picked (the model's shape is declared once).
import type { CliModel, CliOperation } from "@repo/model";

export type { ActionObject, Effect, MockRole, ResourceModel } from "@repo/model";

export type OperationModel = Pick<
  CliOperation,
  "operationId" | "method" | "path" | "parameters" | "security" | "successStatus" | "pagination" | "idempotencyHeader" | "requestBody" | "mock"
>;

export type EngineModel = Pick<CliModel, "api" | "securitySchemes" | "errorShape" | "resources"> & { readonly operations: readonly OperationModel[] };
