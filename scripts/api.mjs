#!/usr/bin/env node
// `pnpm api <name> <command> [flags]`: runs the CLI of packages/<name>/ from the repository root, for
// every API in spec/ (so adding an API adds no root script). Same as `node packages/<name>/bin/<name>.js`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { assertApi, repoRoot, runMain as main, UsageError } from "@repo/model/build";

await main(async ([api, ...args]) => {
  if (!api || api.startsWith("-")) throw new UsageError("Usage: pnpm api <name> <command> [flags]  (e.g. `pnpm api cloudnexus --help`)");
  assertApi(api);
  const dir = join(repoRoot, "packages", api);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[api];
  if (!bin) throw new UsageError(`packages/${api}/package.json has no bin named "${api}".`);
  // the bin reads process.argv like an installed command: node <bin> <args…>
  process.argv = [process.argv[0], join(dir, bin), ...args];
  await import(pathToFileURL(join(dir, bin)).href);
});
