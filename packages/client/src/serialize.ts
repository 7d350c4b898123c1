// URL building for the request core, with OpenAPI's default styles (path: simple; query: form,
// exploded; objects in the query: deepObject), the same defaults openapi-fetch uses. Kept here
// rather than imported so the core does not pull openapi-fetch into every bundle.
import { pathValueProblem } from "./checks.js";

/**
 * `/instances/{id}` + { id: "a b" } → `/instances/a%20b`. A value that would leave its segment ("",
 * "." or "..", which encodeURIComponent keeps and URL parsing resolves) is a TypeError naming it.
 */
export function fillPath(template: string, params: Record<string, unknown>, operationId = template): string {
  if (!template.includes("{")) return template;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    const text = Array.isArray(value) ? value.join(",") : String(value);
    const problem = pathValueProblem(text);
    if (problem) throw new TypeError(`Path parameter "${name}" of ${operationId} ${problem}: it would send the request to another path than ${template}.`);
    return encodeURIComponent(text);
  });
}

/** { status: ["a", "b"], filter: { x: 1 } } → `status=a&status=b&filter%5Bx%5D=1`. */
export function serializeQuery(query: Record<string, unknown>): string {
  if (isEmpty(query)) return "";
  const search = new URLSearchParams();
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (typeof value === "object") for (const [key, v] of Object.entries(value)) add(`${name}[${key}]`, v);
    else search.append(name, String(value));
  };
  for (const [name, value] of Object.entries(query)) add(name, value);
  return search.toString();
}

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}
