// Names the operation a request hits (its operationId), from the paths of the spec being served.

interface SpecDocument {
  paths?: Record<string, Record<string, { operationId?: string } | unknown>>;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

interface Route {
  method: string;
  pattern: RegExp;
  /** Literal characters in the template: /instances/actions beats /instances/{id}. */
  specificity: number;
  operationId: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Returns a function that maps (method, path) to the spec's operationId, or undefined. */
export function operationMatcher(spec: SpecDocument): (method: string, path: string) => string | undefined {
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(spec.paths ?? {})) {
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith("{") ? "[^/]+" : escape(part)))
      .join("");
    for (const [method, operation] of Object.entries(item ?? {})) {
      const operationId = (operation as { operationId?: unknown } | null)?.operationId;
      if (!METHODS.has(method) || typeof operationId !== "string") continue;
      routes.push({
        method,
        pattern: new RegExp(`^${source}/?$`),
        specificity: template.replace(/\{[^}]+\}/g, "").length,
        operationId,
      });
    }
  }
  routes.sort((a, b) => b.specificity - a.specificity);
  return (method, path) => {
    const pathname = path.split("?")[0] ?? path;
    const lower = method.toLowerCase();
    return routes.find((route) => route.method === lower && route.pattern.test(pathname))?.operationId;
  };
}
