// What the docs build wrote for each API: its bundle, the operation model built from it, its samples.
import { readFileSync } from "node:fs";
// The same model builder the SDK and CLI use, run on the bundle the site ships.
import type { ApiModel } from "@repo/model";
import { buildModel, listApis } from "@repo/model/build";
import type { CodeSample } from "../../src/samples.js";

/**
 * An API as the docs build wrote it: its model (built again from the bundle the site ships), its samples,
 * and the operationIds of its webhooks (Redoc lists them beside the operations; they have no samples).
 */
export type BuiltApi = ApiModel & { samples: Record<string, CodeSample[]>; webhooks: string[] };

const dist = new URL("../../dist/", import.meta.url);

/** Every API of spec/, listed as the build lists them (the landing page must show each). */
export const apis: string[] = listApis();

export function builtApi(api: string): BuiltApi {
  const doc = JSON.parse(readFileSync(new URL(`${api}/openapi.json`, dist), "utf8")) as { webhooks?: Record<string, Record<string, { operationId?: string }>> };
  const model = buildModel(api, doc, { specHash: "" });
  const samples = JSON.parse(readFileSync(new URL(`${api}/code-samples.json`, dist), "utf8")) as BuiltApi["samples"];
  const webhooks = Object.values(doc.webhooks ?? {}).flatMap((item) => Object.values(item).flatMap((op) => (op?.operationId ? [op.operationId] : [])));
  return { ...model, samples, webhooks };
}

/** The sample of `label` ("curl", "TypeScript SDK", "CLI", "Python", "JavaScript") for one operation. */
export function sampleOf(built: BuiltApi, operationId: string, label: string): string {
  const sample = built.samples[operationId]?.find((s) => s.label === label);
  if (!sample) throw new Error(`${built.api}: no ${label} sample for ${operationId}`);
  return sample.source;
}
