// The build of every SDK package: ESM + CJS + types, with the internal runtime bundled in so a
// published SDK depends only on what it needs at run time.
import { existsSync } from "node:fs";
import { defineConfig } from "tsup";

/** The CLI (src/cli.ts → dist/cli.js, the package's bin): one Node ESM file with the runtime and engine inside. */
const cliBuild = {
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  clean: false,
  sourcemap: true,
  target: "node20",
  platform: "node",
  noExternal: [/^@repo\//],
  treeshake: true,
};

export const sdkBuild = () =>
  defineConfig([
    {
      entry: { index: "src/index.ts" },
      format: ["esm", "cjs"],
      dts: true,
      // both builds run at once: this one's clean must leave the CLI's output alone
      clean: ["!cli.js", "!cli.js.map"],
      sourcemap: true,
      target: "es2022",
      platform: "neutral",
      noExternal: [/^@repo\//],
      treeshake: true,
    },
    ...(existsSync("src/cli.ts") ? [cliBuild] : []),
  ]);
