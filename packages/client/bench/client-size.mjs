// What a browser app that imports ApiClient ships: an esbuild ESM bundle with code splitting (as Vite,
// Rollup and webpack do). "entry" is what loads at once (the entry chunk and every chunk it imports
// statically); "lazy" is what loads later (chunks reached only by a dynamic import: client.raw's
// openapi-fetch, .wait()'s poller); minified and gzip -9. Shared by `pnpm bench` and `pnpm bench:scale`,
// which pass their own esbuild `build` (the scale benchmark measures a clone with its own install).
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** @param {{ build: Function, packageDir: string, api: string, workDir: string }} where */
export async function clientBundleSize({ build, packageDir, api, workDir }) {
  const result = await build({
    stdin: { contents: `import { ApiClient } from "${api}"; globalThis.client = new ApiClient("token");`, resolveDir: packageDir },
    bundle: true,
    minify: true,
    splitting: true,
    metafile: true,
    absWorkingDir: workDir, // the metafile's paths are relative to it
    outdir: join(workDir, ".bundle"),
    write: false,
    format: "esm",
    platform: "browser",
    nodePaths: [join(packageDir, "node_modules")],
    alias: { [api]: join(packageDir, "dist/index.js") },
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const entryPath = Object.keys(outputs).find((path) => outputs[path].entryPoint);
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === "import-statement" && outputs[imported.path]) visit(imported.path);
  };
  visit(entryPath);
  const sizes = result.outputFiles.map((file) => ({
    eager: eager.has(file.path.slice(workDir.length + 1)),
    min: file.contents.length,
    gz: gzipSync(file.contents, { level: 9 }).length,
  }));
  const sum = (files, key) => files.reduce((total, file) => total + file[key], 0);
  const now = sizes.filter((file) => file.eager);
  const later = sizes.filter((file) => !file.eager);
  return { entry: { min: sum(now, "min"), gz: sum(now, "gz") }, lazy: { min: sum(later, "min"), gz: sum(later, "gz") } };
}
