// The `x-` extensions the stateful mock, `.wait()` and the CLI read (documented in spec/README.md):
// `x-effect` and `x-mock-auth` on operations, `x-action-object` on an action's schema, `x-filter` on a
// list's query parameter, `x-cli-columns` on the schema of listed items, `x-error-fields` on an error
// schema (where the SDK reads an error's code and message). Every
// other tool ignores them, so a typo or a field that does not exist fails silently — the mock just behaves
// differently. This rule makes each such mistake a lint problem at its line.
import { isRef, successCodes } from "./util.js";

const PLACES = { "x-effect": "Operation", "x-mock-auth": "Operation", "x-action-object": "Schema", "x-filter": "Parameter", "x-cli-columns": "Schema", "x-cli-login": "Operation", "x-error-fields": "Schema" };
const ON = { Operation: "an operation", Schema: "a schema", Parameter: "a query parameter" };
const EFFECT_KEYS = ["set", "add", "remove", "delete", "while", "action", "duration"];
const FIELD_KEYS = ["set", "while", "add", "remove"]; // the keys whose keys are fields of the resource
const ACTION_OBJECT_KEYS = ["status", "running", "done", "failed", "finishedAt", "error"];
const ERROR_FIELD_KEYS = ["code", "message", "title", "details", "requestId"];
// The three runtime expressions the mock evaluates (a subset of OpenAPI's): a body JSON pointer, a query or a path parameter.
const EXPRESSION = /^\$request\.(body#(\/([^~/]|~[01])+)+|query\.\S+|path\.\S+)$/;
const FIELD_PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const code = (value) => `\`${JSON.stringify(value)}\``;

/** Edit distance, a swap of two neighbours counting as one edit (`vai` → `via`). */
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** `x-cli-columns` (the CLI's table columns for items of this schema): a list of its scalar properties. */
function checkColumns(schema, ctx) {
  const columns = schema["x-cli-columns"];
  const where = ctx.location.child("x-cli-columns");
  if (!Array.isArray(columns) || !columns.length || !columns.every((c) => typeof c === "string")) {
    return ctx.report({ message: "`x-cli-columns` must be a non-empty list of property names, e.g. `[id, name, status]`.", location: where });
  }
  const props = properties(ctx, { node: schema, from: ctx.location.source.absoluteRef });
  columns.forEach((column, index) => {
    if (!props.has(column)) ctx.report({ message: `\`x-cli-columns\` names \`${column}\`, which is not a property of this schema.${didYouMean(column, props.keys())}`, location: where.child(index) });
  });
}

/** `x-error-fields` (which properties of an error schema hold its code, message…): known keys naming properties. */
function checkErrorFields(schema, ctx) {
  const spec = schema["x-error-fields"];
  const where = ctx.location.child("x-error-fields");
  if (!isObject(spec) || !Object.keys(spec).length) {
    return ctx.report({ message: "`x-error-fields` must be an object naming the properties that hold the error's fields, e.g. `{ code: id, message: detail }`.", location: where });
  }
  const props = properties(ctx, { node: schema, from: ctx.location.source.absoluteRef });
  for (const [key, value] of Object.entries(spec)) {
    if (!ERROR_FIELD_KEYS.includes(key)) {
      ctx.report({ message: `Unknown \`x-error-fields\` key \`${key}\`.${didYouMean(key, ERROR_FIELD_KEYS)} Allowed: ${ERROR_FIELD_KEYS.join(", ")}.`, location: where.child(key).key() });
    } else if (typeof value !== "string" || !props.has(value)) {
      ctx.report({ message: `\`x-error-fields.${key}\` is ${code(value)}, which is not a property of this schema.${didYouMean(String(value), props.keys())}`, location: where.child(key) });
    }
  }
}

/** " Did you mean `x`?" for the nearest candidate that is a plausible typo (≤ 2 edits, under half its length). */
function didYouMean(name, candidates) {
  const scored = [...candidates].map((c) => [c, distance(name.toLowerCase(), c.toLowerCase())]).filter(([c, d]) => d <= 2 && d < c.length / 2);
  const best = scored.sort((a, b) => a[1] - b[1])[0];
  return best ? ` Did you mean \`${best[0]}\`?` : "";
}

/** A $ref followed from the file `from` (files of a multi-file spec resolve relative to each other). */
function deref(ctx, value, from) {
  if (!isRef(value)) return { node: value, from };
  const resolved = ctx.resolve(value, from);
  return { node: resolved.node, from: resolved.location?.source.absoluteRef ?? from };
}

/** name → { node, from } of a schema's properties, including those of its allOf/oneOf/anyOf members. */
function properties(ctx, schema, depth = 0) {
  const found = new Map();
  if (!isObject(schema.node) || depth > 5) return found;
  for (const [name, raw] of Object.entries(schema.node.properties ?? {})) found.set(name, deref(ctx, raw, schema.from));
  for (const member of [schema.node.allOf, schema.node.oneOf, schema.node.anyOf].flat().filter(Boolean)) {
    for (const [name, prop] of properties(ctx, deref(ctx, member, schema.from), depth + 1)) if (!found.has(name)) found.set(name, prop);
  }
  return found;
}

const types = (schema) => [schema?.type].flat().filter(Boolean);

/** Why a literal cannot be a value of `schema` (enum, const or JSON type), or undefined when it can. */
function misfit(value, schema) {
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) return `one of ${schema.enum.map(code).join(", ")}`;
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) return code(schema.const);
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "number" && Number.isInteger(value) ? "integer" : typeof value;
  const allowed = types(schema);
  const fits = allowed.includes(actual) || (actual === "integer" && allowed.includes("number"));
  return allowed.length > 0 && !fits ? `of type ${allowed.join(" or ")}` : undefined;
}

export default function mockExtensions() {
  let securitySchemes = [];
  let rootSecurity;
  const paths = new Map(); // path template → { node, from } of its (resolved) path item
  let currentPath;

  /** Typos of the four extension names (`x-efect`), and an extension where the mock does not look for it. */
  function checkNames(node, here, ctx) {
    for (const key of Object.keys(node)) {
      if (!/^x-/i.test(key)) continue;
      if (PLACES[key] && PLACES[key] !== here) {
        ctx.report({ message: `\`${key}\` belongs on ${ON[PLACES[key]]}, not on this ${here.toLowerCase()}: the mock ignores it here.`, location: ctx.location.child(key).key() });
      } else if (!PLACES[key]) {
        const near = Object.keys(PLACES).find((name) => distance(key.toLowerCase(), name) <= 2);
        if (near) ctx.report({ message: `Unknown extension \`${key}\`: did you mean \`${near}\`? The mock reads only ${Object.keys(PLACES).map((n) => `\`${n}\``).join(", ")}.`, location: ctx.location.child(key).key() });
      }
    }
  }

  /** The schema of the first of `codes` an operation answers with JSON, or undefined. */
  function answer(ctx, operation, from, codes) {
    for (const status of codes) {
      const response = deref(ctx, operation?.responses?.[status], from);
      const schema = response.node?.content?.["application/json"]?.schema;
      if (schema) return deref(ctx, schema, response.from);
    }
    return undefined;
  }

  /** The resource an operation's x-effect changes, as { schema, label } (see spec/README.md). */
  function resource(ctx, path, method, operation) {
    const getOf = (p) => {
      const item = paths.get(p);
      const schema = item?.node?.get && answer(ctx, item.node.get, item.from, ["200"]);
      return schema && { schema, label: `the 200 answer of \`GET ${p}\`` };
    };
    const created = () => {
      const schema = answer(ctx, operation, ctx.location.source.absoluteRef, ["201", "200"]);
      return schema && { schema, label: `the 201/200 answer of \`POST ${path}\`` };
    };
    // A create first: the GET of a collection answers the list, not the resource.
    if (method === "post" && isCollection(path)) return created();
    const segments = path.split("/");
    for (let end = segments.length; end > 1; end--) {
      const prefix = segments.slice(0, end).join("/");
      if (end < segments.length && !/^\{[^}]+\}$/.test(segments[end - 1])) continue; // prefixes must end in /{param}
      const found = getOf(prefix);
      if (found) return found;
    }
    return method === "post" ? created() : undefined;
  }
  const isCollection = (path) => [...paths.keys()].some((p) => p.startsWith(`${path}/{`) && !p.slice(path.length + 1).includes("/"));

  /** An expression must be one of the three forms, and name a parameter the operation has. */
  function checkExpression(value, where, ctx, path, parameters) {
    if (Array.isArray(value) || isObject(value)) {
      // the mock evaluates expressions inside literal arrays and objects too
      for (const [key, item] of Object.entries(value)) checkExpression(item, where.child(Array.isArray(value) ? Number(key) : key), ctx, path, parameters);
      return;
    }
    if (typeof value !== "string" || !value.startsWith("$")) return;
    if (!EXPRESSION.test(value)) {
      ctx.report({ message: `${code(value)} is not an expression the mock understands: use \`$request.body#/<json-pointer>\`, \`$request.query.<name>\` or \`$request.path.<name>\`.`, location: where });
      return;
    }
    const [, place, name] = /^\$request\.(query|path)\.(.+)$/.exec(value) ?? [];
    if (place === "path" && !path.includes(`{${name}}`)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      ctx.report({ message: `${code(value)} names no parameter of \`${path}\` (its path parameters: ${names.join(", ") || "none"}).`, location: where });
    } else if (place === "query" && !parameters.some((p) => p.in === "query" && p.name === name)) {
      ctx.report({ message: `${code(value)} names no query parameter of this operation.${didYouMean(name, parameters.map((p) => p.name))}`, location: where });
    }
  }

  /** `{ <field>: <value> }` against the properties of a schema: known fields, values that fit, arrays for add/remove. */
  function checkFields(fields, where, props, label, { arrays = false, literals = true } = {}, ctx) {
    for (const [field, value] of Object.entries(fields)) {
      const prop = props.get(field);
      if (!prop) {
        ctx.report({ message: `\`${field}\` is not a property of ${label}.${didYouMean(field, props.keys())}`, location: where.child(field).key() });
      } else if (arrays && !types(prop.node).includes("array")) {
        ctx.report({ message: `\`${field}\` of ${label} is not an array: \`add\`/\`remove\` take array fields; use \`set\` for this one.`, location: where.child(field).key() });
      } else if (literals && !(typeof value === "string" && value.startsWith("$"))) {
        const expected = misfit(value, prop.node);
        if (expected) ctx.report({ message: `${code(value)} is not a valid \`${field}\` of ${label}: expected ${expected}.`, location: where.child(field) });
      }
    }
  }

  function checkEffect(effect, operation, method, ctx) {
    const where = ctx.location.child("x-effect");
    if (!isObject(effect)) return ctx.report({ message: "`x-effect` must be an object with some of " + EFFECT_KEYS.map((k) => `\`${k}\``).join(", ") + ".", location: where });
    for (const key of Object.keys(effect)) {
      if (!EFFECT_KEYS.includes(key)) ctx.report({ message: `Unknown \`x-effect\` key \`${key}\`.${didYouMean(key, EFFECT_KEYS)} Allowed: ${EFFECT_KEYS.join(", ")}.`, location: where.child(key).key() });
    }
    if ("delete" in effect && effect.delete !== true) ctx.report({ message: "`x-effect.delete` must be `true` (leave it out when the resource stays).", location: where.child("delete") });
    if ("duration" in effect && !(Number.isInteger(effect.duration) && effect.duration >= 0)) {
      ctx.report({ message: `\`x-effect.duration\` must be a whole number of milliseconds ≥ 0, not ${code(effect.duration)}.`, location: where.child("duration") });
    }
    if ("action" in effect) {
      if (typeof effect.action !== "string" || effect.action === "") ctx.report({ message: "`x-effect.action` must be the action type to start (a non-empty string).", location: where.child("action") });
      else if (method !== "post" || !isCollection(currentPath)) {
        ctx.report({ message: `\`x-effect.action\` starts an action with a newly created resource, so only a create (POST on a collection) may have it, not \`${method.toUpperCase()} ${currentPath}\`.`, location: where.child("action").key() });
      }
    }
    const found = resource(ctx, currentPath, method, operation);
    if (!found) {
      ctx.report({ message: `\`x-effect\` of \`${method.toUpperCase()} ${currentPath}\` has no resource to change: neither the path nor a prefix ending in \`/{param}\` has a GET answering 200 with JSON, and it is no POST answering the new resource (201/200). Add that GET, or drop the effect.`, location: where.key() });
    }
    const props = found ? properties(ctx, found.schema) : new Map();
    const pathItem = paths.get(currentPath);
    const parameters = [
      ...(operation.parameters ?? []).map((p) => deref(ctx, p, ctx.location.source.absoluteRef).node ?? {}),
      ...(pathItem?.node?.parameters ?? []).map((p) => deref(ctx, p, pathItem.from).node ?? {}),
    ];
    for (const key of FIELD_KEYS.filter((k) => k in effect)) {
      if (!isObject(effect[key])) {
        ctx.report({ message: `\`x-effect.${key}\` must be an object of \`<field>: <value>\`.`, location: where.child(key) });
        continue;
      }
      for (const [field, value] of Object.entries(effect[key])) checkExpression(value, where.child([key, field]), ctx, currentPath, parameters);
      if (found) checkFields(effect[key], where.child(key), props, `the resource (${found.label})`, { arrays: key === "add" || key === "remove", literals: key === "set" || key === "while" }, ctx);
    }
  }

  function checkMockAuth(patches, operation, ctx) {
    const where = ctx.location.child("x-mock-auth");
    if (!isObject(patches)) return ctx.report({ message: "`x-mock-auth` must map security scheme names to the fields patched into the answer.", location: where });
    const accepted = (operation.security ?? rootSecurity ?? []).flatMap((requirement) => Object.keys(requirement));
    const success = successCodes(operation.responses)[0];
    const schema = success && answer(ctx, operation, ctx.location.source.absoluteRef, [success]);
    for (const [scheme, patch] of Object.entries(patches)) {
      if (!securitySchemes.includes(scheme)) {
        ctx.report({ message: `\`${scheme}\` is not a security scheme of components.securitySchemes.${didYouMean(scheme, securitySchemes)} Known: ${securitySchemes.join(", ") || "none"}.`, location: where.child(scheme).key() });
        continue;
      }
      if (!accepted.includes(scheme)) ctx.report({ message: `The operation does not accept \`${scheme}\` (see its \`security\`), so this patch never applies.`, location: where.child(scheme).key() });
      if (!isObject(patch)) ctx.report({ message: `\`x-mock-auth.${scheme}\` must be an object of \`<field>: <value>\` patched into the answer.`, location: where.child(scheme) });
      else if (schema) checkFields(patch, where.child(scheme), properties(ctx, schema), `the ${success} answer`, {}, ctx);
    }
  }

  return {
    Root: {
      enter(root) {
        securitySchemes = Object.keys(root.components?.securitySchemes ?? {});
        rootSecurity = root.security;
      },
    },
    Paths(node, ctx) {
      for (const [path, raw] of Object.entries(node)) paths.set(path, deref(ctx, raw, ctx.location.source.absoluteRef));
    },
    PathItem(_node, ctx) {
      currentPath = String(ctx.key);
    },
    Operation(operation, ctx) {
      if (!isObject(operation)) return;
      checkNames(operation, "Operation", ctx);
      if ("x-effect" in operation) checkEffect(operation["x-effect"], operation, String(ctx.key), ctx);
      if ("x-mock-auth" in operation) checkMockAuth(operation["x-mock-auth"], operation, ctx);
      if ("x-cli-login" in operation && (operation["x-cli-login"] !== true || String(ctx.key) !== "get")) {
        ctx.report({ message: "`x-cli-login` marks the GET the CLI's `login` checks a token with: it must be `true`, on a GET.", location: ctx.location.child("x-cli-login") });
      }
    },
    Parameter(parameter, ctx) {
      if (!isObject(parameter)) return;
      checkNames(parameter, "Parameter", ctx);
      if (!("x-filter" in parameter)) return;
      const where = ctx.location.child("x-filter");
      if (typeof parameter["x-filter"] !== "string" || !FIELD_PATH.test(parameter["x-filter"])) {
        ctx.report({ message: `\`x-filter\` must be a field path like \`resource.id\` (names of letters, digits and _ joined by dots), not ${code(parameter["x-filter"])}.`, location: where });
      }
      if (parameter.in !== "query") ctx.report({ message: `\`x-filter\` is read only on query parameters; \`${parameter.name}\` is in ${parameter.in}.`, location: where.key() });
    },
    Schema(schema, ctx) {
      if (!isObject(schema)) return; // 3.1 allows `true`/`false` schemas
      checkNames(schema, "Schema", ctx);
      if ("x-cli-columns" in schema) checkColumns(schema, ctx);
      if ("x-error-fields" in schema) checkErrorFields(schema, ctx);
      if (!("x-action-object" in schema)) return;
      const spec = schema["x-action-object"];
      const where = ctx.location.child("x-action-object");
      if (!isObject(spec)) return ctx.report({ message: "`x-action-object` must be an object naming the status field and its values.", location: where });
      for (const key of Object.keys(spec)) {
        if (!ACTION_OBJECT_KEYS.includes(key)) ctx.report({ message: `Unknown \`x-action-object\` key \`${key}\`.${didYouMean(key, ACTION_OBJECT_KEYS)} Allowed: ${ACTION_OBJECT_KEYS.join(", ")}.`, location: where.child(key).key() });
      }
      for (const key of ["status", "running", "done", "failed"]) {
        if (!(key in spec)) ctx.report({ message: `\`x-action-object\` has no \`${key}\`: it needs status, running, done and failed.`, location: where.key() });
      }
      const props = properties(ctx, { node: schema, from: ctx.location.source.absoluteRef });
      for (const key of ["status", "finishedAt", "error"].filter((k) => k in spec)) {
        if (!props.has(spec[key])) ctx.report({ message: `\`x-action-object.${key}\` is ${code(spec[key])}, which is not a property of this schema.${didYouMean(String(spec[key]), props.keys())}`, location: where.child(key) });
      }
      const status = props.get(spec.status)?.node;
      if (!status) return;
      if (!Array.isArray(status.enum)) return ctx.report({ message: `The status property \`${spec.status}\` has no \`enum\`, so running/done/failed cannot be checked: give it one.`, location: where.child("status") });
      for (const key of ["running", "done", "failed"].filter((k) => k in spec)) {
        if (!status.enum.includes(spec[key])) ctx.report({ message: `\`x-action-object.${key}\` is ${code(spec[key])}, which is not a value of \`${spec.status}\` (${status.enum.map(code).join(", ")}).${didYouMean(String(spec[key]), status.enum.map(String))}`, location: where.child(key) });
      }
    },
  };
}
