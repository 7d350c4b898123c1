// The pnpm the workspace pins and installs (the root devDependency), run with this Node: a machine with
// only Node.js and npm has no pnpm on its PATH, so no script or test may count on one.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** `pnpm <args>` as [command, args] for spawn / spawnSync / execFileSync: `spawnSync(...pnpm("install"), options)`. */
export function pnpm(...args: string[]): [string, string[]] {
  const manifest = require.resolve("pnpm"); // pnpm's package exports its package.json as "."
  const bin = (require(manifest) as { bin: { pnpm: string } }).bin.pnpm;
  return [process.execPath, [join(dirname(manifest), bin), ...args]];
}
