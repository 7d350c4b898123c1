// Every operation documents the errors every client must handle — 401 where it is secured, 429, and a
// 5xx — through the shared responses in components/responses, so the error model is stated once.
// Options: `always` (default ["429", "5XX"]) and `secured` (default ["401"]); "5XX" means any 5xx code.
import { isRef, isSecured } from "./util.js";

const matches = (wanted, code) => (/^\dXX$/i.test(wanted) ? code[0] === wanted[0] : code === wanted);

export default function standardErrorResponses({ always = ["429", "5XX"], secured = ["401"] } = {}) {
  let rootSecurity;
  return {
    Root: {
      enter(root) {
        rootSecurity = root.security;
      },
    },
    Operation(operation, ctx) {
      const responses = operation.responses ?? {};
      const wanted = isSecured(operation, rootSecurity) ? [...secured, ...always] : always;
      for (const status of wanted) {
        const codes = Object.keys(responses).filter((code) => matches(status, code));
        if (codes.length === 0) {
          ctx.report({
            message: `Operation "${operation.operationId}" does not document ${status}: add \`"${status === "5XX" ? "500" : status}": { $ref: <components/responses/…> }\`.`,
            location: ctx.location.child("responses").key(),
          });
          continue;
        }
        for (const code of codes) {
          const ref = responses[code];
          if (!isRef(ref) || !/components\/responses\//.test(ref.$ref)) {
            ctx.report({
              message: `The ${code} response of "${operation.operationId}" is written inline: reference the shared response in components/responses instead.`,
              location: ctx.location.child(["responses", code]),
            });
          }
        }
      }
    },
  };
}
