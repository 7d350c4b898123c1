#!/usr/bin/env node
// Generates the sources of one SDK package from its spec (@repo/model/build's generateSdkSources). Run in
// packages/<api>/ (the folder name is the API name) or pass the API: `tsx scripts/generate-sdk.mjs cloudnode`.
import { basename, join } from "node:path";
import { assertApi, generateSdkSources, repoRoot, runMain } from "@repo/model/build";

await runMain(async ([apiArg]) => {
  const api = assertApi(apiArg ?? basename(process.cwd()));
  const model = await generateSdkSources(api, join(repoRoot, "packages", api, "generated"));
  console.log(`generated packages/${api}/generated/ (${model.operations.length} operations, spec-hash ${model.specHash})`);
});
