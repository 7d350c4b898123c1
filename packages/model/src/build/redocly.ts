// Runs the Redocly CLI (lint, bundle) with this very Node binary, quietly.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Environment for Redocly: no telemetry, no update banner. */
export const quietRedocly: NodeJS.ProcessEnv = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };

/** Path of a package's bin script, so it can be run with this very Node binary. */
export function binPath(pkg: string, bin: string): string {
  const manifest = require(`${pkg}/package.json`) as { bin: string | Record<string, string> };
  const rel = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[bin];
  return require.resolve(`${pkg}/${rel}`);
}

/** Runs the Redocly CLI; on failure, throws with Redocly's own output (file:line of each problem). */
export function redocly(args: string[], { cwd }: { cwd?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [binPath("@redocly/cli", "redocly"), ...args], { cwd, env: quietRedocly, encoding: "utf8" });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`
      .split("\n")
      .filter((line) => !/[║╔╚]/.test(line)) // drop Redocly's Node-version banner
      .join("\n")
      .trim();
    throw new Error(`redocly ${args[0]} failed:\n${output}`);
  }
  return result;
}
