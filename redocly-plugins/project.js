// Redocly plugin: the conventions of this repository (see ARCHITECTURE.md) as lint rules, so
// `redocly lint` (run by every build and by @repo/spec-checks) says where a spec breaks them.
import idPattern from "./rules/id-pattern.js";
import listPagination from "./rules/list-pagination.js";
import mockExtensions from "./rules/mock-extensions.js";
import standardErrorResponses from "./rules/standard-error-responses.js";
import successExample from "./rules/success-example.js";

export default function projectPlugin() {
  return {
    id: "project",
    rules: {
      oas3: {
        "success-example": successExample,
        "standard-error-responses": standardErrorResponses,
        "list-pagination": listPagination,
        "id-pattern": idPattern,
        "mock-extensions": mockExtensions,
      },
    },
  };
}
