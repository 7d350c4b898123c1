// Every operation answers with a 2xx response, and every 2xx body carries a named example, so the docs,
// the mock (Prism serves examples) and the SDK tests all show a realistic payload.
import { successCodes } from "./util.js";

export default function successExample() {
  return {
    Operation(operation, ctx) {
      const responses = operation.responses ?? {};
      const codes = successCodes(responses);
      if (codes.length === 0) {
        ctx.report({
          message: `Operation "${operation.operationId}" documents no 2xx response: add its success response.`,
          location: ctx.location.child("responses"),
        });
        return;
      }
      for (const code of codes) {
        const response = ctx.resolve(responses[code]).node ?? {};
        for (const [mediaType, media] of Object.entries(response.content ?? {})) {
          const hasExample = media.example !== undefined || Object.keys(media.examples ?? {}).length > 0;
          if (!hasExample) {
            ctx.report({
              message: `The ${code} ${mediaType} response of "${operation.operationId}" has no example: add a named example under \`examples\`.`,
              location: ctx.location.child(["responses", code, "content", mediaType]),
            });
          }
        }
      }
    },
  };
}
