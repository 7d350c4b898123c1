// The build of every SDK package: ESM + CJS + types, with the internal runtime bundled in so a
// published SDK depends only on what it needs at run time.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

/**
 * Prism's judge (`@repo/mock-server/prism-node`, built and minified by @repo/mock-server) stays one file
 * beside the entries, dist/prism.js (ESM) and dist/prism.cjs, imported by the mock and the CLI's `--mock`
 * on first use: bundled again it would be copied into each entry with a source map of minified code.
 * So the installed SDK carries its judge and needs no Prism install and no overrides.
 */
const prismBeside = {
  name: "prism-beside",
  setup(build) {
    const extension = build.initialOptions.outExtension?.[".js"] ?? ".js";
    build.onResolve({ filter: /^@repo\/mock-server\/prism-node$/ }, () => ({ path: `./prism${extension}`, external: true }));
    build.onEnd(() => {
      const built = createRequire(join(process.cwd(), "package.json")).resolve("@repo/mock-server/prism-node");
      mkdirSync("dist", { recursive: true });
      copyFileSync(built.replace(/\.js$/, extension), `dist/prism${extension}`);
    });
  },
};

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
  // CommonJS dependencies bundled into this ESM file (yaml) require Node built-ins: give them a require
  banner: { js: 'import { createRequire as __cliCreateRequire } from "node:module"; const require = __cliCreateRequire(import.meta.url);' },
  esbuildPlugins: [prismBeside],
};

/**
 * The mock entry (src/mock.ts → dist/mock.js|cjs, `<api>/mock`): Node only. It imports ApiClient from
 * the client entry, which stays a separate file (`./index.js` / `./index.cjs`), so the mock's client
 * and the errors users import from the package are the same classes. Its types come from the
 * client build's dts pass, which sees both entries.
 */
const clientEntryExternal = {
  name: "client-entry-external",
  setup(build) {
    const extension = build.initialOptions.outExtension?.[".js"] ?? ".js";
    build.onResolve({ filter: /^\.\/index\.js$/ }, () => ({ path: `./index${extension}`, external: true }));
  },
};
const mockBuild = {
  entry: { mock: "src/mock.ts" },
  format: ["esm", "cjs"],
  dts: false,
  clean: false,
  shims: true, // import.meta.url (where the shipped spec is) in the CJS build
  sourcemap: true,
  target: "node20",
  platform: "node",
  noExternal: [/^@repo\//],
  treeshake: true,
  esbuildPlugins: [clientEntryExternal, prismBeside],
};
const hasMock = () => existsSync("src/mock.ts");

/**
 * Where the types of the internal packages live (one path per export of each @repo/* package the SDK
 * bundles: the runtime, the mock engine), so the dts pass inlines them like esbuild inlines the code:
 * a published .d.ts must not import @repo/*.
 */
function internalTypePaths() {
  const packages = join(dirname(fileURLToPath(import.meta.url)), "../../packages");
  const paths = {};
  for (const dir of readdirSync(packages)) {
    const manifest = join(packages, dir, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, exports } = JSON.parse(readFileSync(manifest, "utf8"));
    if (!name?.startsWith("@repo/") || !exports) continue;
    for (const [sub, file] of Object.entries(exports)) {
      if (typeof file === "string" && file.endsWith(".ts")) paths[`${name}${sub.slice(1)}`] = [join(packages, dir, file)];
    }
  }
  return paths;
}

export const sdkBuild = () =>
  defineConfig([
    {
      entry: { index: "src/index.ts" },
      format: ["esm", "cjs"],
      // one dts pass for both entries, so mock.d.ts imports ApiClient from index.d.ts; the internal
      // @repo packages are inlined, as in the JavaScript
      dts: {
        entry: { index: "src/index.ts", ...(hasMock() ? { mock: "src/mock.ts" } : {}) },
        compilerOptions: { paths: internalTypePaths() },
      },
      // the builds run at once: this one's clean must leave the CLI's and the mock's output alone
      clean: ["!cli.js", "!cli.js.map", "!mock.js", "!mock.js.map", "!mock.cjs", "!mock.cjs.map", "!prism.js", "!prism.cjs"],
      sourcemap: true,
      target: "es2022",
      platform: "neutral",
      noExternal: [/^@repo\//],
      treeshake: true,
    },
    ...(existsSync("src/cli.ts") ? [cliBuild] : []),
    ...(hasMock() ? [mockBuild] : []),
  ]);
