// What the CLI and the MCP server share of the client's internals (not re-exported to SDK users): the
// checks of values before they reach a header or URL, pagination and the waiter.
export { baseUrlProblem, headerValueProblem, pathValueProblem, withoutUserinfo } from "./checks.js";
export { iterateItems, iteratePages } from "./pagination.js";
export { describeTarget, waitUntilDone, type Call } from "./wait.js";
export { credentialsFor, resolveCredentials } from "./credentials.js";
export { DEFAULT_MAX_RESPONSE_BYTES } from "./read-body.js";
