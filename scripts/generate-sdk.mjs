#!/usr/bin/env node
// Generates the sources of one SDK package from its spec. Run in packages/<api>/ (the folder name is
// the API name) or pass the API: `node scripts/generate-sdk.mjs cloudnode`.
// Writes packages/<api>/generated/: openapi.json (bundle), schema.ts (types), model.json (operations),
// operations.ts (the compact table the SDK runtime reads; the rest of the model stays out of the bundle),
// cli-model.ts (the slice of the model the CLI bundle carries, repeated schemas written once).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { bundleSpec, specHash } from "./lib/bundle.mjs";
import { cliModelSource } from "./lib/cli-model.mjs";
import { buildModel, operationTable } from "./lib/model.mjs";
import { typesOf } from "./lib/types.mjs";
import { assertApi, repoRoot } from "./lib/paths.mjs";
import { main } from "./lib/run.mjs";

await main(async ([apiArg]) => {
  const api = assertApi(apiArg ?? basename(process.cwd()));
  const outDir = join(repoRoot, "packages", api, "generated");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const bundleFile = join(outDir, "openapi.json");
  bundleSpec(api, bundleFile);
  const bundleText = readFileSync(bundleFile, "utf8");
  const hash = specHash(bundleText);
  const banner = (what) =>
    `// ${what}\n// Generated from spec/${api}/ by scripts/generate-sdk.mjs (run \`pnpm build\`); do not edit.\n// spec-hash: ${hash}\n`;

  writeFileSync(join(outDir, "schema.ts"), `${banner("Types of every path, operation and schema.")}\n${await typesOf(JSON.parse(bundleText))}`);

  const model = buildModel(api, JSON.parse(bundleText), { specHash: hash });
  writeFileSync(join(outDir, "model.json"), `${JSON.stringify(model, null, 2)}\n`);
  writeFileSync(
    join(outDir, "model.ts"),
    `${banner("The operation model (see scripts/lib/model.mjs), typed for the SDK runtime.")}\nexport const model = ${JSON.stringify(model, null, 2)} as const;\n`,
  );
  writeFileSync(
    join(outDir, "operations.ts"),
    `${banner("The operation table the SDK runtime turns into methods (a projection of model.json).")}\nexport const api = ${JSON.stringify(operationTable(model), null, 2)} as const;\n`,
  );
  writeFileSync(join(outDir, "cli-model.ts"), cliModelSource(model, banner("What the CLI reads of the model (scripts/lib/cli-model.mjs), packed.")));
  console.log(`generated packages/${api}/generated/ (${model.operations.length} operations, spec-hash ${hash})`);
});
