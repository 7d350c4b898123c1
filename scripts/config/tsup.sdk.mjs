// The build of every SDK package: ESM + CJS + types, with the internal runtime bundled in so a
// published SDK depends only on what it needs at run time.
import { defineConfig } from "tsup";

export const sdkBuild = () =>
  defineConfig({
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
    noExternal: [/^@repo\//],
    treeshake: true,
  });
