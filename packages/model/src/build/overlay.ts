// An imported API's adaptations live in spec/<api>/overlay.yaml (an OpenAPI Overlay 1.0 document),
// applied by `redocly bundle --overlay`, so the upstream file stays as it was written and can be
// refreshed without losing them.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, parseDocument, stringify } from "yaml";
import type { DerivedNames } from "./derive-names.js";
import { repoRoot } from "./workspace.js";

/** The overlay file of an API (whether or not it exists). */
export const overlayFile = (api: string): string => join(repoRoot, "spec", api, "overlay.yaml");

/** The overlays applied when `api` is bundled: its overlay.yaml when it has one. */
export const overlaysOf = (api: string): string[] => (existsSync(overlayFile(api)) ? [overlayFile(api)] : []);

/** Whether an API was imported (`pnpm new-api --from`): its adaptations sit in an overlay next to the upstream file. */
export const isImported = (api: string): boolean => existsSync(overlayFile(api));

/** A JSONPath to one operation: `$.paths['/v2/droplets'].get`. */
export const operationTarget = (path: string, method: string): string => `$.paths['${path.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'].${method}`;

/** The overlay `new-api --from` writes: the model's name of every operation whose upstream name differs. */
export function namesOverlay(title: string, derived: DerivedNames): string {
  const actions = derived.names
    .filter((name) => name.upstream !== name.operationId)
    .map((name) => ({
      target: operationTarget(name.path, name.method),
      description: name.upstream ? `was ${name.upstream}` : "upstream gave no operationId",
      update: { operationId: name.operationId },
    }));
  const head = [
    "# This API's adaptations, applied on top of openapi.yaml (the upstream file, kept as written) when it is",
    "# bundled. Written by `pnpm new-api --from`; yours to edit: rename an operation (its SDK method and CLI",
    "# command), add an x- hint for the mock, fix what upstream got wrong. Format: OpenAPI Overlay 1.0.",
    ...(derived.collisions.length ? ["#", "# Names wanted twice, resolved (change them here if you like):", ...derived.collisions.map((line) => `#   ${line}`)] : []),
  ];
  const body = {
    overlay: "1.0.0", 
    info: { title: `${title}: names and fixes for this repository`, version: "1.0.0" }, // the format wants at least one action
    actions: actions.length ? actions : [{ target: "$.info", description: "nothing to adapt yet", update: {} }] };
  return `${head.join("\n")}\n${stringify(body, { lineWidth: 0 })}`;
}

/** What a refresh did to the overlay's names: operations whose name was kept, added, or dropped. */
export interface RefreshedOverlay {
  text: string;
  kept: number;
  added: string[];
  dropped: string[];
}

/**
 * The overlay after upstream changed (`pnpm new-api <api> --from <file> --refresh`): every name it holds
 * for an operation upstream still has is kept as it is (a rename of yours stays yours), a new
 * operation gets its derived name, a name for an operation upstream removed is dropped, and every other
 * action (fixes, x- hints) and every comment stays untouched.
 */
export function refreshedOverlay(text: string, derived: DerivedNames): RefreshedOverlay {
  const overlay = parseDocument(text);
  if (overlay.errors.length) throw new Error(`is not valid YAML: ${overlay.errors[0]!.message.split("\n")[0]!.replace(/:$/, "")}`);
  const actions = overlay.get("actions");
  if (!isSeq(actions)) throw new Error("has no `actions` list (an OpenAPI Overlay 1.0 document has one)");
  const wanted = new Map(derived.names.map((name) => [operationTarget(name.path, name.method), name]));
  const named = new Set<string>();
  const dropped: string[] = [];
  for (const item of [...actions.items]) {
    if (!isMap(item)) continue;
    const target = String(item.get("target"));
    const update = item.get("update");
    if (!isMap(update) || !update.has("operationId")) continue;
    if (wanted.has(target)) named.add(target);
    else {
      actions.items.splice(actions.items.indexOf(item), 1);
      dropped.push(`${target} (was named ${String(update.get("operationId"))})`);
    }
  }
  const added: string[] = [];
  for (const [target, name] of wanted) {
    if (named.has(target) || name.upstream === name.operationId) continue;
    actions.items.push(overlay.createNode({ target, description: name.upstream ? `was ${name.upstream}` : "upstream gave no operationId", update: { operationId: name.operationId } }));
    added.push(`${name.method.toUpperCase()} ${name.path} → ${name.operationId}`);
  }
  // the placeholder of an overlay that had nothing to adapt goes once there is something
  const placeholder = actions.items.findIndex((item) => isMap(item) && item.get("target") === "$.info" && item.get("description") === "nothing to adapt yet");
  if (placeholder !== -1 && actions.items.length > 1) actions.items.splice(placeholder, 1);
  return { text: overlay.toString({ lineWidth: 0 }), kept: named.size, added, dropped };
}
