// Small helpers shared by the rules of the project plugin.

/** True for a `$ref` object, i.e. the value points at a shared definition instead of restating it. */
export const isRef = (value) => typeof value === "object" && value !== null && typeof value.$ref === "string";

/** The 2xx status keys of a responses object (`200`, `201`, `2XX`). */
export const successCodes = (responses) => Object.keys(responses ?? {}).filter((code) => /^2(\d\d|XX)$/i.test(code));

/** The operation's effective security: its own `security`, else the document's. Empty means anonymous. */
export function isSecured(operation, rootSecurity) {
  const security = operation.security ?? rootSecurity ?? [];
  return security.length > 0 && !security.some((requirement) => Object.keys(requirement).length === 0);
}
