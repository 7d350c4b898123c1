// Test helper (Node only, never in an SDK bundle): packs a package as it would be published and
// installs the tarball with npm into a fresh project outside the workspace, so tests can import and
// require it exactly as a user would.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pnpm } from "@repo/model/build";

export interface InstalledPackage {
  /** The consumer project's folder (holds node_modules/<name>). */
  dir: string;
  /** The packed tarball (inside `dir`), for tools that lint what is published. */
  tarball: string;
  /** Writes `file` (e.g. `main.mjs`, `main.cjs`) into the project, runs it with node, returns stdout. */
  run(file: string, source: string, env?: Record<string, string>): string;
  /**
   * Type-checks consumer files (e.g. `main.mts`, `main.cts`) against the installed package's own
   * .d.ts, as a strict TypeScript user with `module: node16` would; throws tsc's output on errors.
   */
  typecheck(sources: Record<string, string>): void;
  remove(): void;
}

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

export function packAndInstall(packageDir: string): InstalledPackage {
  const dir = mkdtempSync(join(tmpdir(), "sdk-pack-"));
  let tarball: string | undefined;
  try {
    execFileSync(...pnpm("pack", "--pack-destination", dir), { cwd: packageDir, stdio: "pipe" });
    tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${packageDir}`);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", `./${tarball}`], {
      cwd: dir,
      stdio: "pipe",
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`Packing or installing ${packageDir} failed: ${(error as Error).message}\n${stderr}`);
  }
  return {
    dir,
    tarball: join(dir, tarball),
    run(file, source, env = {}) {
      writeFileSync(join(dir, file), source);
      return execFileSync(process.execPath, [file], { cwd: dir, env: { ...process.env, ...env }, encoding: "utf8", stdio: "pipe" });
    },
    typecheck(sources) {
      for (const [file, source] of Object.entries(sources)) writeFileSync(join(dir, file), source);
      const compilerOptions = { strict: true, module: "node16", target: "es2022", noEmit: true, skipLibCheck: false, types: [] };
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: Object.keys(sources) }));
      try {
        execFileSync(process.execPath, [tsc, "-p", dir], { cwd: dir, encoding: "utf8", stdio: "pipe" });
      } catch (error) {
        throw new Error(`tsc found errors in the consumer project:\n${(error as { stdout?: string }).stdout ?? ""}`);
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
