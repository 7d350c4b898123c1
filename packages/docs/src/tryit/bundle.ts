// Builds the Try-it code of the site into <outDir>/tryit/ (esbuild, for the browser): loader.js, the
// few lines every reference page loads, and the chunks it imports on the first `Try it` (the panel,
// the simulator, the schema check). One build for every API: the panel reads the page's model.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

export const TRYIT_DIR = "tryit";

/** The tag a reference page gets (its pages sit in <outDir>/<api>/). */
export const LOADER_TAG = `<script type="module" src="../${TRYIT_DIR}/loader.js"></script>`;

export async function buildTryIt(outDir: string): Promise<void> {
  const dir = join(outDir, TRYIT_DIR);
  rmSync(dir, { recursive: true, force: true });
  await build({
    entryPoints: [join(import.meta.dirname, "loader.ts")],
    outdir: dir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
}
