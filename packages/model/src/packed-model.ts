// The CLI bundle carries the model packed (src/build/cli-model.ts writes generated/cli-model.ts): each
// repeated subtree written once as `shared[i]`, referred to as `{ $s: i }`. This restores the plain model.
import type { CliModel } from "./api-model.js";

export interface PackedModel {
  readonly shared: readonly unknown[];
  readonly value: unknown;
}

/** A subtree that stands for `shared[i]`: an object whose only key is `$s`. */
export const isSharedRef = (node: unknown): node is { $s: number } =>
  Boolean(node && typeof node === "object" && !Array.isArray(node) && Object.keys(node).length === 1 && Number.isInteger((node as { $s?: unknown }).$s));

/**
 * The model as generated/cli-model.ts packs it. Every use gets its own copy, so no caller can change
 * another operation's schema through a shared one.
 */
export function unpackModel(packed: PackedModel): CliModel {
  const expand = (node: unknown): unknown => {
    if (!node || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(expand);
    if (isSharedRef(node)) return expand(packed.shared[node.$s]);
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = expand(value);
    return copy;
  };
  return expand(packed.value) as CliModel;
}
