// Complete model values from the few fields a test cares about, so tests of the CLI, the MCP server and
// the engine build small models of the real type (not re-declared slices of it).
import type { ApiModel, CliModel, CliOperation, ModelOperation } from "./api-model.js";
import { envNames, splitOperationId } from "./names.js";

type Given<T extends { operationId: string; method: string; path: string }> = Partial<T> & Pick<T, "operationId" | "method" | "path">;

/** An operation with every field at its "nothing declared" value, and its name split from the operationId. */
export function fixtureOperation(fields: Given<ModelOperation>): ModelOperation {
  return {
    ...splitOperationId(fields.operationId),
    servers: null,
    summary: "",
    description: "",
    tags: [],
    security: [],
    parameters: [],
    requestBody: null,
    successStatus: "200",
    responses: {},
    successContentTypes: ["application/json"],
    parseAs: "json",
    bodyMode: null,
    pagination: null,
    idempotencyHeader: null,
    exampleParams: {},
    mock: { role: "example" },
    wait: null,
    columns: null,
    ...fields,
  };
}

/** A model of `api` with no schemes, resources or errors beyond what `fields` says. */
export function fixtureModel(fields: Partial<Omit<ApiModel, "operations">> & { api: string; operations: readonly (ModelOperation | CliOperation)[] }): CliModel {
  return {
    title: fields.api,
    version: "1.0.0",
    specHash: "fixture",
    servers: [],
    securitySchemes: {},
    env: envNames(fields.api),
    auth: { schemes: { bearerAuth: { in: "header", name: "Authorization", prefix: "Bearer" } }, token: ["bearerAuth"], session: null, cookie: null, security: ["bearerAuth"] },
    errorShape: { path: [], code: null, message: null, title: null, details: null, requestId: null, requestIdHeader: null },
    resources: {},
    login: null,
    ...fields,
  };
}
