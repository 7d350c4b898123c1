// The generated sources of one SDK package (packages/<api>/generated/), from its spec:
// openapi.json (bundle), schema.ts (types), model.json (the ApiModel), operations.ts (the table the SDK
// client reads), cli-model.ts (the packed slice the CLI bundle carries).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ApiModel } from "../api-model.js";
import { brokenExampleLines } from "./broken-examples.js";
import { buildModel } from "./build-model.js";
import { bundleSpec, specHash } from "./bundle.js";
import { cliModelSource } from "./cli-model.js";
import { operationTable } from "./operation-table.js";
import { servedBundle } from "./served-bundle.js";
import { typesOf } from "./typescript-types.js";
import { assertApi } from "./workspace.js";

/** Writes `outDir` afresh; returns the model. */
export async function generateSdkSources(api: string, outDir: string): Promise<ApiModel> {
  assertApi(api);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const bundleFile = join(outDir, "openapi.json");
  bundleSpec(api, bundleFile);
  // the mocks serve this bundle: without the headers the client sets itself (OpenAPI ignores them, Prism
  // would not), and without an answer example that breaks its schema (named)
  const written = JSON.parse(readFileSync(bundleFile, "utf8"));
  const { doc: served, broken } = servedBundle(written);
  writeFileSync(bundleFile, `${JSON.stringify(served, null, 2)}\n`);
  const bundleText = readFileSync(bundleFile, "utf8");
  const hash = specHash(bundleText);
  const banner = (what: string) =>
    `// ${what}\n// Generated from spec/${api}/ by scripts/generate-sdk.mjs (run \`pnpm build\`); do not edit.\n// spec-hash: ${hash}\n`;

  // the types read the spec as written, as OpenAPI does (a discriminator narrows its members); the served
  // bundle is JSON Schema's reading, for the mocks and the validation of what is sent
  writeFileSync(join(outDir, "schema.ts"), `${banner("Types of every path, operation and schema.")}\n${await typesOf(written)}`);
  const model = buildModel(api, JSON.parse(bundleText), { specHash: hash });
  writeFileSync(join(outDir, "model.json"), `${JSON.stringify(model, null, 2)}\n`);
  writeFileSync(
    join(outDir, "model.ts"),
    `${banner("The operation model (@repo/model's ApiModel).")}\nimport type { ApiModel } from "@repo/model";\n\nexport const model: ApiModel = ${JSON.stringify(model, null, 2)};\n`,
  );
  writeFileSync(
    join(outDir, "operations.ts"),
    `${banner("The operation table the SDK client turns into methods (a projection of model.json).")}\nexport const api = ${JSON.stringify(operationTable(model), null, 2)} as const;\n`,
  );
  writeFileSync(join(outDir, "cli-model.ts"), cliModelSource(model, banner("What the CLI reads of the model (@repo/model's CliModel), packed.")));
  for (const line of [...omittedLines(model), ...brokenExampleLines(broken)]) process.stderr.write(`${line}\n`);
  return model;
}

/** What the build says about the operations it left out: one line each, with the reason. */
export const omittedLines = (model: Pick<ApiModel, "omitted">): string[] => model.omitted.map(({ method, path, reason }) => `! left out ${method} ${path}: ${reason}`);
