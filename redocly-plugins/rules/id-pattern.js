// Ids are typed, not free text: every string property or path parameter named `id` or `*_id`
// declares a `pattern` (e.g. ^inst_[a-z0-9]+$), so docs, mock and examples agree on its shape.
const isIdName = (name) => name === "id" || /_id$/.test(name);

export default function idPattern() {
  const check = (schema, what, ctx, location) => {
    const types = [schema?.type].flat();
    if (schema && types.includes("string") && !schema.pattern && !schema.enum && schema.const === undefined && schema.format !== "uuid") {
      ctx.report({ message: `${what} is an id without a \`pattern\`: add the pattern its values follow.`, location });
    }
  };
  return {
    Schema(schema, ctx) {
      for (const [name, raw] of Object.entries(schema.properties ?? {})) {
        if (!isIdName(name)) continue;
        const resolved = ctx.resolve(raw).node;
        const items = [resolved?.type].flat().includes("array") ? ctx.resolve(resolved.items ?? {}).node : undefined;
        check(items ?? resolved, `Property \`${name}\``, ctx, ctx.location.child(["properties", name]));
      }
    },
    Parameter(parameter, ctx) {
      if (parameter.in !== "path" || !isIdName(parameter.name)) return;
      check(ctx.resolve(parameter.schema ?? {}).node, `Path parameter \`${parameter.name}\``, ctx, ctx.location.child("schema"));
    },
  };
}
