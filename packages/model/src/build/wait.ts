import type { ModelOperation, ResourceModel, WaitDescriptor } from "../api-model.js";
import { singular } from "../names.js";


/**
 * How to wait for the long-running work an operation starts (`.wait()` in the SDK, `--wait` in the CLI),
 * from the same declarations the mock reads: an operation answering an `x-action-object` is done when
 * polling the action's `get` shows its `done` status (failed: its `failed` one); a create with
 * `x-effect.action` is done when polling the new item's `get` shows the fields its `set` declares.
 */
export function waitOf(
  resources: Readonly<Record<string, ResourceModel>>,
  operations: readonly Pick<ModelOperation, "operationId" | "mock">[],
  op: Pick<ModelOperation, "mock">,
): WaitDescriptor | null {
  const getOf = (name: string) => operations.find((other) => other.mock?.role === "get" && other.mock.resource === name);
  const role = op.mock;
  if (role?.role === "action" && role.actions) {
    const actions = resources[role.actions];
    if (!actions?.action) return null;
    const poll = getOf(role.actions);
    if (!poll || !actions.keyParam) return null;
    const config = actions.action;
    return {
      poll: poll.operationId,
      param: actions.keyParam,
      from: actions.keyField,
      field: config.status,
      done: [config.done],
      failed: [config.failed],
      ...(config.error ? { error: config.error } : {}),
      what: singular(role.actions),
    };
  }
  const set = role?.effect?.set;
  if (role?.role === "create" && role.effect?.action && set) {
    const resource = role.resource ? resources[role.resource] : undefined;
    const poll = resource ? getOf(role.resource!) : undefined;
    const [field, value] = Object.entries(set).find(([, v]) => typeof v !== "string" || !v.startsWith("$")) ?? [];
    if (!poll || !resource?.keyParam || field === undefined) return null;
    return { poll: poll.operationId, param: resource.keyParam, from: resource.keyField, field, done: [value], what: singular(role.resource!) };
  }
  return null;
}
