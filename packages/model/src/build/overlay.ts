// An imported API's adaptations live in spec/<api>/overlay.yaml (an OpenAPI Overlay 1.0 document),
// applied by `redocly bundle --overlay`, so the upstream file stays as it was written and can be
// refreshed without losing them.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
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
