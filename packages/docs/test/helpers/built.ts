// What the docs build wrote for each API: its bundle, the operation model built from it, its samples.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
// The same model builder the SDK and CLI use (scripts/lib/model.mjs), run on the bundle the site ships.
import { buildModel } from "../../../../scripts/lib/model.mjs";

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface ModelOperation {
  operationId: string;
  namespace: string | null;
  name: string;
  method: string;
  path: string;
  successStatus: string | null;
  responses: Record<string, { hasBody: boolean }>;
}

export interface BuiltApi {
  api: string;
  title: string;
  servers: string[];
  env: { token: string; baseUrl: string };
  operations: ModelOperation[];
  samples: Record<string, CodeSample[]>;
}

const dist = new URL("../../dist/", import.meta.url);

/** Every API of spec/ (the landing page must list each). */
export const apis: string[] = readdirSync(fileURLToPath(new URL("../../../../spec/", import.meta.url)), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export function builtApi(api: string): BuiltApi {
  const doc: unknown = JSON.parse(readFileSync(new URL(`${api}/openapi.json`, dist), "utf8"));
  const model = buildModel(api, doc, { specHash: "" }) as Omit<BuiltApi, "samples">;
  const samples = JSON.parse(readFileSync(new URL(`${api}/code-samples.json`, dist), "utf8")) as BuiltApi["samples"];
  return { ...model, samples };
}

/** The sample of `label` ("curl", "TypeScript SDK", "CLI", "Python", "JavaScript") for one operation. */
export function sampleOf(built: BuiltApi, operationId: string, label: string): string {
  const sample = built.samples[operationId]?.find((s) => s.label === label);
  if (!sample) throw new Error(`${built.api}: no ${label} sample for ${operationId}`);
  return sample.source;
}
