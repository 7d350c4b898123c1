// A tool's name, from its operationId, valid for the strictest MCP clients (`^[a-zA-Z0-9_-]{1,64}$`):
// `instances.list` → `instances_list`, `sshKeys.create` → `sshKeys_create`, `me` → `me`.
import type { CliModel } from "@repo/model";

export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export function toolName(operationId: string): string {
  return operationId.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64) || "_";
}

/** operationId → tool name for every operation; two operations that would share a name are a bug in the model. */
export function toolNames(model: Pick<CliModel, "operations">): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const { operationId } of model.operations) {
    const name = toolName(operationId);
    const other = taken.get(name);
    if (other !== undefined) throw new Error(`The operations ${other} and ${operationId} would both be the MCP tool ${name}.`);
    taken.set(name, operationId);
    names.set(operationId, name);
  }
  return names;
}
