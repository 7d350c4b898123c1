// Runs a script's main function and turns failures into one readable line and a non-zero exit.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { UsageError } from "./paths.mjs";

const require = createRequire(import.meta.url);

/** Environment for Redocly: no telemetry, no update banner. */
export const quietRedocly = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
};

export async function main(fn) {
  try {
    await fn(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\n✖ ${message}\n`);
    if (!(error instanceof UsageError) && process.env.DEBUG) process.stderr.write(`${error.stack}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

/** Path of a package's bin script, so we can run it with this very Node binary. */
export function binPath(pkg, bin) {
  const manifest = require(`${pkg}/package.json`);
  const rel = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[bin];
  return require.resolve(`${pkg}/${rel}`);
}

/**
 * The pinned pnpm (the root devDependency the workspace installs) as [command, args] for spawn, run with
 * this Node: a machine with only Node.js and npm has no pnpm on its PATH.
 */
export function pnpm(...args) {
  const manifest = require.resolve("pnpm"); // pnpm's package exports its package.json as "."
  return [process.execPath, [join(dirname(manifest), require(manifest).bin.pnpm), ...args]];
}

/** Runs the Redocly CLI; on failure, throws with Redocly's own output (file:line of each problem). */
export function redocly(args, { cwd } = {}) {
  const result = spawnSync(process.execPath, [binPath("@redocly/cli", "redocly"), ...args], {
    cwd,
    env: quietRedocly,
    encoding: "utf8",
  });
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
