// `pnpm build`: Prism's judging parts (src/prism-browser.ts) as one self-contained ES module for pages,
// dist/prism-browser.js, so a page's bundler needs no stand-ins of its own: `path` becomes
// path-browserify (mime-types reads extname), `Buffer` the buffer package, `global` globalThis.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const here = new URL(".", import.meta.url).pathname;
mkdirSync(`${here}dist`, { recursive: true });
writeFileSync(`${here}dist/buffer-global.js`, `export { Buffer } from ${JSON.stringify(require.resolve("buffer/"))};\n`);
await build({
  entryPoints: [`${here}src/prism-browser.ts`],
  outfile: `${here}dist/prism-browser.js`,
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  // esbuild would take a required package's "main" (jsonc-parser's UMD build, whose requires a bundle cannot follow)
  mainFields: ["browser", "module", "main"],
  alias: { path: require.resolve("path-browserify") },
  inject: [`${here}dist/buffer-global.js`],
  define: { global: "globalThis" },
  logLevel: "warning",
});
