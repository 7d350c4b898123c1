// Test helper (Node only): the pnpm the workspace pins and installs (the root devDependency), run with
// this Node, so no test needs a pnpm on the PATH (a machine with only Node.js and npm has none).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const manifest = require.resolve("pnpm"); // pnpm's package exports its package.json as "."
const bin = join(dirname(manifest), (require(manifest) as { bin: { pnpm: string } }).bin.pnpm);

/** `pnpm <args>` as [command, args] for spawnSync / execFileSync: `execFileSync(...pnpm("pack"), options)`. */
export function pnpm(...args: string[]): [string, string[]] {
  return [process.execPath, [bin, ...args]];
}
