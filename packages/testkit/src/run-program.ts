// Runs a sample as its reader would: through bash (curl, CLI), Node (fetch) or tsx (TypeScript).
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end (in `cwd`, default this process's); never throws for a non-zero exit (the test reads `code`). */
export function run(file: string, args: string[], env: Record<string, string> = {}, input?: string, cwd?: string): Promise<Ran> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The TypeScript compiler of the runtime's devDependencies (the version the repository pins). */
export function tscBin(): string {
  const manifestPath = require.resolve("typescript/package.json");
  const manifest = require(manifestPath) as { bin: Record<string, string> };
  return join(dirname(manifestPath), manifest.bin.tsc ?? "bin/tsc");
}

