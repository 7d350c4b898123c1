// Every list is paginated the same way: the shared `page` and `page_size` query parameters, and a body
// whose `meta` property is the one shared page-meta schema. A list is an operation whose method (the
// part of the operationId after the dot) matches `listMethod` (default /^list/).
// Options: `listMethod`, `pageParams` (default ["page", "page_size"]), `envelope` (default "meta").
import { isRef, successCodes } from "./util.js";

export default function listPagination({ listMethod = "^list", pageParams = ["page", "page_size"], envelope = "meta" } = {}) {
  const isList = (operationId = "") => new RegExp(listMethod, "i").test(operationId.split(".").pop() ?? "");
  let sharedEnvelope; // absolute ref of the first list's envelope schema; every other list must use it
  return {
    Operation(operation, ctx) {
      if (!isList(operation.operationId)) return;
      const id = operation.operationId;
      const params = (operation.parameters ?? []).map((param) => ({ raw: param, node: ctx.resolve(param).node ?? {} }));
      for (const name of pageParams) {
        const found = params.find(({ node }) => node.name === name && node.in === "query");
        if (!found) {
          ctx.report({
            message: `List "${id}" has no \`${name}\` query parameter: add the shared one from components/parameters.`,
            location: ctx.location.child("parameters").key(),
          });
        } else if (!isRef(found.raw)) {
          ctx.report({
            message: `List "${id}" declares \`${name}\` inline: reference the shared parameter in components/parameters.`,
            location: ctx.location.child("parameters"),
          });
        }
      }
      const code = successCodes(operation.responses)[0];
      if (!code) return; // reported by project/success-example
      const response = ctx.resolve(operation.responses[code]).node ?? {};
      const schemaRaw = response.content?.["application/json"]?.schema;
      const resolved = schemaRaw ? ctx.resolve(schemaRaw) : { node: undefined };
      const envelopeRaw = resolved.node?.properties?.[envelope];
      const where = ctx.location.child(["responses", code]);
      if (!envelopeRaw) {
        ctx.report({ message: `List "${id}" returns no \`${envelope}\` page envelope: add the shared page-meta schema as \`${envelope}\`.`, location: where });
        return;
      }
      if (!isRef(envelopeRaw)) {
        ctx.report({ message: `The \`${envelope}\` of list "${id}" is written inline: reference the shared page-meta schema.`, location: where });
        return;
      }
      const target = ctx.resolve(envelopeRaw, resolved.location?.source.absoluteRef).location;
      const key = target ? `${target.source.absoluteRef}${target.pointer}` : envelopeRaw.$ref;
      sharedEnvelope ??= key;
      if (key !== sharedEnvelope) {
        ctx.report({
          message: `List "${id}" uses another \`${envelope}\` schema (${key}) than the other lists (${sharedEnvelope}): every list shares one page envelope.`,
          location: where,
        });
      }
    },
  };
}
