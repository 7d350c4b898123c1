// The naming rules every artifact shares, each stated once: operationId → SDK method and CLI command,
// API name → environment variables, a resource's plural → its singular.
import type { EnvNames } from "./api-model.js";

/** `instances.list` → { namespace: "instances", name: "list" }; `check` → { namespace: null, name: "check" }. */
export function splitOperationId(operationId: string): { namespace: string | null; name: string } {
  const dot = operationId.lastIndexOf(".");
  return dot === -1 ? { namespace: null, name: operationId } : { namespace: operationId.slice(0, dot), name: operationId.slice(dot + 1) };
}

/** The CLI command of an operation: `instances.list` → `instances/list`; `check` → `check`. */
export const commandName = (operation: { readonly operationId: string }): string => operation.operationId.replaceAll(".", "/");

/** The environment variables a client reads: `<API>_TOKEN` and `<API>_BASE_URL`. */
export function envNames(api: string): EnvNames {
  const prefix = api.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return { token: `${prefix}_TOKEN`, baseUrl: `${prefix}_BASE_URL` };
}

/** `instances` → `instance`, `policies` → `policy`: a resource's items in messages. */
export const singular = (name: string): string => name.replace(/ies$/, "y").replace(/s$/, "");

