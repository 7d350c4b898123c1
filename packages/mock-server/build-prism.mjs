// `pnpm build`: Prism's judging parts as one self-contained ES module per platform, so neither a page's
// bundler nor an installed SDK needs Prism's packages or stand-ins of its own:
// - dist/prism-browser.js (src/prism-parts.ts): `path` becomes path-browserify (mime-types reads extname),
//   `Buffer` the buffer package, `global` globalThis;
// - dist/prism-node.js and .cjs (the same source, for Node; an SDK's build copies them next to its mock
//   entry): the ES module requires Node's built-ins through a require of its own (esbuild's ESM output
//   cannot require them otherwise).
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const here = new URL(".", import.meta.url).pathname;
const common = {
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  // esbuild would take a required package's "main" (jsonc-parser's UMD build, whose requires a bundle cannot follow)
  mainFields: ["module", "main"],
  logLevel: "warning",
};
mkdirSync(`${here}dist`, { recursive: true });
writeFileSync(`${here}dist/buffer-global.js`, `export { Buffer } from ${JSON.stringify(require.resolve("buffer/"))};\n`);
await Promise.all([
  build({
    ...common,
    entryPoints: [`${here}src/prism-parts.ts`],
    outfile: `${here}dist/prism-browser.js`,
    platform: "browser",
    mainFields: ["browser", ...common.mainFields],
    alias: { path: require.resolve("path-browserify") },
    inject: [`${here}dist/buffer-global.js`],
    define: { global: "globalThis" },
  }),
  build({
    ...common,
    entryPoints: [`${here}src/prism-parts.ts`],
    outfile: `${here}dist/prism-node.js`,
    platform: "node",
    target: "node20",
    banner: { js: 'import { createRequire as __prismCreateRequire } from "node:module"; const require = __prismCreateRequire(import.meta.url);' },
  }),
  build({
    ...common,
    entryPoints: [`${here}src/prism-parts.ts`],
    outfile: `${here}dist/prism-node.cjs`,
    platform: "node",
    target: "node20",
    format: "cjs",
  }),
]);
