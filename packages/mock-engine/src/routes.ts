// Which operation a request is for, and its path parameters, from the model's path templates.
import type { OperationModel } from "./model.js";

export interface Route {
  operation: OperationModel;
  params: Record<string, string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Returns a matcher of (method, pathname) → operation and path parameters; literal paths win over templates. */
export function routeMatcher(operations: readonly OperationModel[]): (method: string, pathname: string) => Route | undefined {
  const routes = operations
    .map((operation) => {
      const names: string[] = [];
      const source = operation.path
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith("{") ? (names.push(part.slice(1, -1)), "([^/]+)") : escape(part)))
        .join("");
      return { operation, names, pattern: new RegExp(`^${source}/?$`), literal: operation.path.replace(/\{[^}]+\}/g, "").length };
    })
    .sort((a, b) => b.literal - a.literal);
  return (method, pathname) => {
    for (const route of routes) {
      if (route.operation.method !== method.toUpperCase()) continue;
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]));
      return { operation: route.operation, params };
    }
    return undefined;
  };
}
