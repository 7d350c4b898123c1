// A user's copy of this working tree, for the end-to-end tests that add APIs (the repository itself is
// never touched): the files git tracks or would track, committed in a fresh repository, installed from
// this workspace's store, with a user's environment.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { pnpm } from "@repo/model/build";
import { repoRoot } from "../../src/repo.js";

export type RunResult = SpawnSyncReturns<string>;

export interface WorkingCopy {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  run(command: string, args: string[], cwd?: string): RunResult;
  /** `pnpm new-api …` as a user types it. */
  newApi(...args: string[]): RunResult;
  /** Files changed since the copy was made (git status). */
  changed(): string[];
  remove(): void;
}

/** Asserts a run exited 0, showing the end of its output when it did not. */
export const ok = (result: RunResult) => expect(result.status, `${result.stdout}\n${result.stderr}`.slice(-4000)).toBe(0);

export function workingCopy(prefix: string): WorkingCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  /**
   * A user's shell in the copy: none of the variables this test's own pnpm and turbo set (npm_*, INIT_CWD,
   * TURBO_*), and a PATH without relative entries (`./node_modules/.bin` would resolve in another cwd) or
   * this tree's node_modules, but with the copy's node_modules/.bin first, as `npm test` there has it
   * (turbo runs each task with the pnpm found there: no pnpm on the machine is needed).
   */
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$|TURBO_|PNPM_)/i.test(name))),
    PATH: [join(dir, "node_modules/.bin"), ...(process.env.PATH ?? "").split(":").filter((entry) => entry.startsWith("/") && !entry.includes("node_modules"))].join(":"),
    CI: "true",
  };
  const run = (command: string, args: string[], cwd = dir) => spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // the working tree as it is (committed or not), without what git ignores (node_modules, dist, …)
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file));
  }
  for (const args of [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"]]) ok(run("git", args));
  // linked from this workspace's store: every package of the lockfile is there already
  ok(run(...pnpm("install", "--frozen-lockfile", "--offline")));
  // a built repository, as a user's is: the docs build reuses the pages of every API whose inputs are unchanged
  if (existsSync(join(repoRoot, "packages/docs/dist"))) cpSync(join(repoRoot, "packages/docs/dist"), join(dir, "packages/docs/dist"), { recursive: true });
  return {
    dir,
    env,
    run,
    newApi: (...args) => run(process.execPath, ["--import", "tsx", "scripts/new-api.mjs", ...args]),
    changed: () => run("git", ["status", "--porcelain", "--untracked-files=all"]).stdout.split("\n").filter(Boolean).map((line) => line.slice(3)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
