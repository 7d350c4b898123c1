// Test helper (Node only, never in an SDK bundle): packs a package as it would be published and
// installs the tarball with npm into a fresh project outside the workspace, so tests can import and
// require it exactly as a user would.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface InstalledPackage {
  /** The consumer project's folder (holds node_modules/<name>). */
  dir: string;
  /** Writes `file` (e.g. `main.mjs`, `main.cjs`) into the project, runs it with node, returns stdout. */
  run(file: string, source: string, env?: Record<string, string>): string;
  remove(): void;
}

export function packAndInstall(packageDir: string): InstalledPackage {
  const dir = mkdtempSync(join(tmpdir(), "sdk-pack-"));
  try {
    execFileSync("pnpm", ["pack", "--pack-destination", dir], { cwd: packageDir, stdio: "pipe" });
    const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"));
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
    run(file, source, env = {}) {
      writeFileSync(join(dir, file), source);
      return execFileSync(process.execPath, [file], { cwd: dir, env: { ...process.env, ...env }, encoding: "utf8", stdio: "pipe" });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
