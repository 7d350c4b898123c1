// The slice of the model the SDK runtime reads (generated/operations.ts), bundled into every SDK.
import type { ApiModel, ModelOperation, OperationDescriptor, OperationTable } from "../api-model.js";

/**
 * The Accept header of an operation whose answer is not JSON: its 2xx media types, and JSON at a lower
 * preference when its errors are JSON (else a server negotiating strictly answers an error with 406).
 */
function acceptOf(op: ModelOperation): string {
  const jsonErrors = Object.entries(op.responses).some(([status, r]) => /^[45]/.test(status) && r.hasBody);
  return [...op.successContentTypes, ...(jsonErrors ? ["application/json;q=0.5"] : [])].join(", ");
}

/** Drops null/empty fields so the generated table stays small. */
const compact = <T extends object>(object: T): { [K in keyof T]?: NonNullable<T[K]> } =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== false && !(typeof v === "object" && !Object.keys(v).length))) as { [K in keyof T]?: NonNullable<T[K]> };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** The compacted descriptor, plus the operation's schemes when they are not the API's (`[]`: anonymous). */
function withSecurity(op: ModelOperation, model: ApiModel, fields: Record<string, unknown>): OperationDescriptor {
  const descriptor = compact(fields) as unknown as OperationDescriptor;
  return sameList(op.security, model.auth.security) ? descriptor : { ...descriptor, security: [...op.security] };
}

/**
 * The slice of the model the SDK runtime needs at run time (bundled into every SDK, so kept small):
 * per operation its method, path, parameter locations, body mode, pagination and idempotency header.
 */
export function operationTable(model: ApiModel): OperationTable {
  return {
    name: model.api,
    baseUrl: model.servers[0] ?? "",
    env: model.env,
    auth: compact({ schemes: model.auth.schemes, token: model.auth.token, session: model.auth.session, security: model.auth.security }),
    errorShape: compact(model.errorShape),
    operations: Object.fromEntries(
      model.operations.map((op) => [
        op.operationId,
        withSecurity(op, model, {
          method: op.method,
          path: op.path,
          server: op.servers?.[0] ?? null,
          params: Object.fromEntries(op.parameters.map((p) => [p.name, p.in])),
          body: op.bodyMode,
          // only when not JSON: the runtime sends JSON unless told otherwise
          contentType: op.requestBody && !/json/i.test(op.requestBody.contentType ?? "") ? op.requestBody.contentType : null,
          json: Boolean(op.successStatus && op.responses[op.successStatus]?.hasBody),
          // only when not JSON: the runtime asks for JSON and parses it unless told otherwise
          accept: op.successContentTypes.length && op.parseAs !== "json" ? acceptOf(op) : null,
          parseAs: op.parseAs === "text" || op.parseAs === "blob" ? op.parseAs : null,
          idempotencyHeader: op.idempotencyHeader,
          pagination: op.pagination && compact(op.pagination),
          wait: op.wait,
        }),
      ]),
    ),
  };
}

