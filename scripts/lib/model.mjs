// The normalized operation model: the one intermediate that the SDK, CLI and docs samples all read.
// It is built from a bundled spec, never from the hand-written files directly.

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** Follows local `#/components/...` refs until it reaches a non-ref object. */
export function deref(doc, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) throw new Error(`Circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    if (!current.$ref.startsWith("#/")) throw new Error(`Unbundled $ref ${current.$ref}: bundle the spec first`);
    current = current.$ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((obj, key) => obj?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable $ref ${[...seen].pop()}`);
  }
  return current;
}

/** Recursively inlines local refs in a schema (for CLI flag types and samples); cycles stop at the ref. */
export function inline(doc, node, stack = []) {
  if (Array.isArray(node)) return node.map((item) => inline(doc, item, stack));
  if (!node || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (stack.includes(node.$ref)) return { $ref: node.$ref };
    const { $ref, ...siblings } = node;
    return { ...inline(doc, deref(doc, { $ref }), [...stack, $ref]), ...inline(doc, siblings, stack) };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(doc, value, stack)]));
}

/** `instances.list` → { namespace: "instances", name: "list" }; `check` → { namespace: null, name: "check" }. */
export function splitOperationId(operationId) {
  const dot = operationId.lastIndexOf(".");
  return dot === -1
    ? { namespace: null, name: operationId }
    : { namespace: operationId.slice(0, dot), name: operationId.slice(dot + 1) };
}

/** Builds the model of every operation in a bundled spec, sorted by operationId. */
export function buildModel(api, doc, { specHash }) {
  const operations = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => {
        const param = deref(doc, p);
        return {
          name: param.name,
          in: param.in,
          required: Boolean(param.required),
          description: param.description ?? "",
          schema: inline(doc, param.schema ?? {}),
        };
      });
      const body = op.requestBody ? deref(doc, op.requestBody) : null;
      const [contentType, media] = body ? Object.entries(body.content ?? {})[0] ?? [] : [];
      const responses = Object.fromEntries(
        Object.entries(op.responses ?? {}).map(([status, r]) => {
          const response = deref(doc, r);
          const json = response.content?.["application/json"];
          return [status, { description: response.description ?? "", hasBody: Boolean(json) }];
        }),
      );
      const successStatus = Object.keys(responses).find((status) => /^2\d\d$/.test(status)) ?? null;
      operations.push({
        operationId: op.operationId,
        ...splitOperationId(op.operationId),
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        tags: op.tags ?? [],
        security: (op.security ?? doc.security ?? []).flatMap((requirement) => Object.keys(requirement)),
        parameters,
        requestBody: body
          ? { required: Boolean(body.required), contentType, schema: inline(doc, media?.schema ?? {}) }
          : null,
        successStatus,
        responses,
      });
    }
  }
  operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
  const ids = new Set();
  for (const { operationId } of operations) {
    if (ids.has(operationId)) throw new Error(`operationId "${operationId}" is used twice`);
    ids.add(operationId);
  }
  return {
    api,
    title: doc.info.title,
    version: doc.info.version,
    specHash,
    servers: (doc.servers ?? []).map((server) => server.url),
    securitySchemes: doc.components?.securitySchemes ?? {},
    operations,
  };
}
