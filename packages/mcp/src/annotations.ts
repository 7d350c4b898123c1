// A tool's behaviour hints, from its operation's method (and what the model says it does):
// GET reads only; a DELETE (or anything the model says deletes) is destructive; a POST that creates is
// additive; any other write may change or overwrite what is there, so it is marked destructive too
// (MCP's own default when a tool is not read-only). GET, PUT and DELETE are idempotent (RFC 9110).
import type { CliOperation } from "@repo/model";

export interface ToolAnnotations {
  title?: string;
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export function annotationsOf(op: CliOperation): ToolAnnotations {
  const method = op.method.toUpperCase();
  const readOnly = method === "GET" || method === "HEAD";
  const idempotent = readOnly || method === "PUT" || method === "DELETE" || method === "OPTIONS";
  const base = { ...(op.summary ? { title: op.summary } : {}), readOnlyHint: readOnly, idempotentHint: idempotent, openWorldHint: true };
  if (readOnly) return base;
  const role = op.mock?.role;
  const deletes = method === "DELETE" || op.mock?.effect?.["delete"] === true;
  const additive = !deletes && method === "POST" && role === "create";
  return { ...base, destructiveHint: !additive };
}
