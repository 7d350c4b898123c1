// The SDK names of an imported spec's operations, in this project's rule (`<namespace>.<method>`, see
// names.ts), derived once by `pnpm new-api --from` and written into the API's overlay, where the user
// can change them. The upstream file keeps its own operationIds.
import type { Json } from "../api-model.js";
import { HTTP_METHODS } from "../schema.js";

/** The convention every operationId of the model follows (redocly.yaml's rule/operation-id-namespace-method). */
export const CONVENTIONAL_ID = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)?$/;

/** Names a namespace or a client method may not take: the client's own members and Object's. */
const RESERVED = new Set(["raw", "request", "baseUrl", ...Object.getOwnPropertyNames(Object.prototype)]);

/** Verbs that start an operationId written verb-first (`getPetById`, `list_droplets`). */
const VERBS = /^(get|list|create|add|update|delete|remove|find|search|upload|download|set|put|post|patch|fetch|retrieve|replace|read|check|post|cancel|run|start|stop|send)$/;

export interface DerivedName {
  readonly method: string;
  readonly path: string;
  /** The operationId upstream wrote (null: none). */
  readonly upstream: string | null;
  /** The name the model uses. */
  readonly operationId: string;
}

export interface DerivedNames {
  readonly names: readonly DerivedName[];
  /** One line per collision resolved (which operations wanted the same name, and what each got). */
  readonly collisions: readonly string[];
}

/** Words of an identifier or a path segment: `droplets_list-kernels`, `getPetById`, `1-clicks` → words. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([0-9])([a-zA-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** Words → a camelCase identifier that starts with a letter (`1-clicks` → `oneClicks`). */
function camel(parts: string[]): string {
  const text = parts.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
  return text.replace(/^\d/, (digit) => DIGITS[Number(digit)]!);
}

/** `pets` / `pet` match `Pets` / `Pet` (plural or singular). */
const sameNoun = (a: string, b: string) => a === b || a.replace(/s$/, "") === b.replace(/s$/, "");

/** The namespace of an operation without one in its operationId: its first tag, else its first literal path segment. */
function namespaceOf(op: Json, path: string): string {
  const tag = Array.isArray(op.tags) && typeof op.tags[0] === "string" ? words(op.tags[0]) : [];
  if (tag.length) return camel(tag);
  const segment = path.split("/").find((part) => part && !part.includes("{") && !/^v\d+(\.\d+)*$/.test(part));
  return camel(words(segment ?? "api"));
}

/** A method name from the HTTP method and the path when upstream gave no operationId (`GET /pets/{id}` → `get`). */
function methodFromPath(method: string, path: string, namespace: string): string {
  const segments = path.split("/").filter(Boolean);
  const item = segments.at(-1)?.startsWith("{") ?? false;
  const verb = { get: item ? "get" : "list", post: "create", put: "replace", patch: "update", delete: "delete" }[method] ?? method;
  // literal segments after the namespace's own (`/pets/{id}/photos` → `getPhotos`)
  const start = segments.findIndex((s) => words(s).length && sameNoun(camel(words(s)), namespace));
  const tail = segments.slice(start + 1).filter((s) => !s.includes("{")).flatMap(words);
  return camel([verb, ...tail]);
}

/** The model's name for one operation. */
function deriveOne(method: string, path: string, op: Json): string {
  const upstream = typeof op.operationId === "string" ? op.operationId.trim() : "";
  if (upstream.includes(".") && CONVENTIONAL_ID.test(upstream)) return upstream;
  const parts = words(upstream);
  // `droplets_list_kernels`, `sshKeys.create`-like with another separator: namespace first, then the method
  if (/[_\-./ ]/.test(upstream) && parts.length >= 2 && !VERBS.test(parts[0]!)) {
    const [head, ...rest] = upstream.split(/[_\-./ ]+/).filter(Boolean);
    return `${camel(words(head!))}.${camel(rest.flatMap(words))}`;
  }
  const namespace = namespaceOf(op, path);
  if (!parts.length) return `${namespace}.${methodFromPath(method, path, namespace)}`;
  // verb first (`addPet`, `getPetById`, `listSpecialEvents`): drop the namespace's noun right after the verb
  // when nothing or a `By…`/`With…`/`For…` qualifier follows it (`addPet` → `add`, `findPetsByStatus` → `findByStatus`)
  const [verb, noun, ...rest] = parts;
  const drop = noun !== undefined && sameNoun(noun, namespace.toLowerCase()) && (rest.length === 0 || ["by", "with", "for"].includes(rest[0]!));
  return `${namespace}.${camel(drop ? [verb!, ...rest] : parts)}`;
}

/** Makes a name usable: each part a camelCase identifier that is not one of the client's own members. */
function usable(operationId: string): string {
  return operationId
    .split(".")
    .map((part) => (RESERVED.has(part) ? `${part}Api` : part))
    .join(".");
}

/**
 * The model's name of every operation of `doc` (paths, in document order). Collisions are resolved
 * deterministically: the first operation in (path, method) order keeps the name, the others get the
 * HTTP method appended, then a number.
 */
export function deriveNames(doc: Json): DerivedNames {
  const names: { method: string; path: string; upstream: string | null; operationId: string }[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const op = item?.[method];
      if (!op || typeof op !== "object") continue;
      names.push({ method, path, upstream: typeof op.operationId === "string" ? op.operationId : null, operationId: usable(deriveOne(method, path, op)) });
    }
  }
  const collisions: string[] = [];
  const taken = new Set<string>();
  const byName = new Map<string, typeof names>();
  for (const name of names) byName.set(name.operationId, [...(byName.get(name.operationId) ?? []), name]);
  for (const [wanted, group] of byName) {
    if (group.length === 1) {
      taken.add(wanted);
      continue;
    }
    group.sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path < b.path ? -1 : 1));
    const given = group.map((name, i) => {
      let candidate = i === 0 ? wanted : `${wanted}${name.method[0]!.toUpperCase()}${name.method.slice(1)}`;
      for (let n = 2; taken.has(candidate) || byName.has(candidate) && candidate !== wanted; n += 1) candidate = `${wanted}${n}`;
      taken.add(candidate);
      name.operationId = candidate;
      return `${name.method.toUpperCase()} ${name.path} → ${candidate}`;
    });
    collisions.push(`"${wanted}" was wanted by ${group.length} operations: ${given.join("; ")}`);
  }
  return { names, collisions };
}
