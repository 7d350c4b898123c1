// The parts of Prism that judge (prism-core's factory, prism-http's router and validators, http-spec's
// reading of operations), the versions prism-cli 5.14.2 runs. `build-prism.mjs` bundles them into one
// self-contained file per platform: dist/prism-browser.js (this file, with stand-ins for the two Node
// built-ins they touch: `path` in mime-types, `Buffer` for Basic credentials and form bodies) and
// dist/prism-node.js (the same code for Node). Import those built files (`@repo/mock-server/prism-browser`,
// `/prism-node`), never this source: a published SDK then carries its judge and needs no Prism install.
import { bundleTarget, decycle } from "@stoplight/json";
import { transformOas3Operations } from "@stoplight/http-spec/oas3/operation";
import { factory } from "@stoplight/prism-core";
import { validateInput, validateOutput, validateSecurity } from "@stoplight/prism-http/dist/validator/index.js";
import * as router from "@stoplight/prism-http/dist/router/index.js";
import type { CreatePrismInstance } from "./judge-core.js";

// a CommonJS module whose `exports.default` is the router: reached the same way under every interop
const route = ((router as { default: unknown }).default as { default?: unknown }).default ?? router.default;

/** Prism's HTTP instance with its router and validators and our components (as judge.ts does in Node). */
export const createInstance: CreatePrismInstance = (config, components) =>
  factory(config as never, { route, validateInput, validateOutput, validateSecurity, ...components } as never) as never;

/**
 * Prism's operations of an OpenAPI 3 document already in memory: what its getHttpOperationsFromSpec does
 * after reading a file (dereference, decycle, transform, bundle each operation), minus the file reading.
 */
export function operationsOf(spec: object): unknown[] {
  const document = decycle(dereference(spec)) as Record<string, unknown>;
  return transformOas3Operations(document).map((operation) =>
    bundleTarget({ document: { ...document, __target__: operation }, path: "#/__target__", cloneDocument: false }),
  );
}

/**
 * The document with every local `$ref` replaced by what it points to (a cycle becomes a cycle of objects,
 * which decycle turns back into a `$ref`), as json-schema-ref-parser's dereference does for a bundled spec.
 */
function dereference(spec: object): object {
  const root = structuredClone(spec) as Record<string, unknown>;
  const targets = new Map<string, unknown>();
  const visited = new Set<object>();
  const pointed = (ref: string): unknown => {
    let node: unknown = root;
    for (const token of ref === "#" ? [] : ref.slice(2).split("/")) {
      const key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!node || typeof node !== "object" || !(key in node)) throw new Error(`The spec's $ref ${ref} points nowhere.`);
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  };
  const resolve = (value: unknown): unknown => {
    if (!value || typeof value !== "object") return value;
    const { $ref, ...rest } = value as { $ref?: unknown };
    if (typeof $ref !== "string" || !$ref.startsWith("#")) return visit(value as object);
    let target = targets.get($ref);
    if (target === undefined) {
      targets.set($ref, (target = pointed($ref)));
      target = resolve(target);
      targets.set($ref, target);
    }
    // a $ref with sibling keys: the siblings extend the target (json-schema-ref-parser's extended $ref)
    return Object.keys(rest).length && target && typeof target === "object" ? visit({ ...(target as object), ...rest }) : target;
  };
  const visit = (node: object): object => {
    if (visited.has(node)) return node;
    visited.add(node);
    for (const [key, value] of Object.entries(node)) (node as Record<string, unknown>)[key] = resolve(value);
    return node;
  };
  return visit(root);
}
