#!/usr/bin/env node
// `pnpm bench:cache [--no-test] [--keep]`: proof that a second clone replays from the team's remote cache
// what a first clone built and tested. It starts `pnpm cache-server` (cache-server/start.mjs) on 127.0.0.1
// and a free port with a throw-away storage folder, a random token and a random signature key; makes two
// fresh clones of HEAD in a temporary folder and installs each (`pnpm install --frozen-lockfile
// --prefer-offline`); clone 1 runs `pnpm build && pnpm test` against the cache (cold: runs and uploads),
// then clone 2 runs the same (its own local cache is empty, so any hit is a remote one).
// It prints figures and never judges a timing; it exits 1 if a task clone 1 ran successfully is not a
// remote cache hit in clone 2 (the build tasks at least), and says why (which inputs differ).
// The server and the temporary folder go away at the end, also on failure or Ctrl-C.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");

let parsed;
try {
  parsed = parseArgs({
    options: {
      "no-test": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (error) {
  console.error(`✖ ${error.message}\nRun \`pnpm bench:cache --help\` for the options.`);
  process.exit(2);
}
const args = parsed.values;
if (args.help) {
  console.log(`pnpm bench:cache [--no-test] [--keep]
  --no-test  only \`pnpm build\` in each clone (faster)
  --keep     keep the temporary folder (clones, storage, logs; its path is printed)`);
  process.exit(0);
}
const withTests = !args["no-test"];

const log = (line) => process.stderr.write(`${line}\n`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---- the temporary folder, the children, and their clean-up ----

const tmp = mkdtempSync(join(tmpdir(), "bench-cache-"));
const children = new Set();

/** Starts a command in its own process group (so stopping it stops turbo and its tasks too), output to a log file. */
function start(command, commandArgs, { cwd, env, logFile }) {
  const fd = openSync(logFile, "a");
  const child = spawn(command, commandArgs, { cwd, env, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  children.add(child);
  child.exited = new Promise((done) => child.once("exit", (code, signal) => done(code ?? signal)));
  return child;
}

const groupAlive = (pid) => { try { process.kill(-pid, 0); return true; } catch { return false; } };

/** Stops a child's whole process group and waits until it is gone (turbo writes its summary as it exits). */
async function stop(child) {
  const signal = (name) => { try { process.kill(-child.pid, name); } catch {} };
  signal("SIGTERM");
  const deadline = Date.now() + 10_000;
  await child.exited;
  while (groupAlive(child.pid)) {
    if (Date.now() > deadline) signal("SIGKILL");
    await new Promise((r) => setTimeout(r, 100));
  }
}

let cleaning;
let interrupted = false;
function cleanup() {
  cleaning ??= (async () => {
    await Promise.all([...children].map(stop));
    if (args.keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, async () => {
    interrupted = true;
    log(`\n${signal}: stopping the server and removing ${tmp}`);
    await cleanup();
    process.exit(130);
  });
}

class Failure extends Error {}

/** Runs a command to completion; returns its wall time, exit code and log file. */
async function run(label, command, commandArgs, { cwd, env, allowFail = false }) {
  const logFile = join(tmp, `${label.replace(/\W+/g, "-")}.log`);
  const started = performance.now();
  const child = start(command, commandArgs, { cwd, env, logFile });
  const code = await child.exited;
  const ms = performance.now() - started;
  await stop(child); // what it left running in its group (nothing, normally)
  children.delete(child);
  if (code !== 0 && !allowFail) {
    const tail = readFileSync(logFile, "utf8").trim().split("\n").slice(-30).join("\n");
    throw new Failure(`${label} failed (${code}):\n${tail}`);
  }
  return { ms, code, logFile };
}

// ---- the server ----

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once("error", fail).listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function startServer(token) {
  const port = await freePort();
  const storage = join(tmp, "storage");
  const logFile = join(tmp, "cache-server.log");
  // Only what the launcher reads: the user's own TURBO_* or S3 settings must not leak into the bench.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TURBO_TOKEN: token, CACHE_SERVER_PORT: String(port), STORAGE_PATH: storage, LOG_LEVEL: "warn" };
  const server = start(process.execPath, [join(repoRoot, "cache-server/start.mjs")], { cwd: repoRoot, env, logFile });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    const answer = await fetch(`${url}/v8/artifacts/status`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    if (answer?.ok) return { url, storage };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Failure(`the cache server did not answer on ${url}:\n${readFileSync(logFile, "utf8").trim().split("\n").slice(-20).join("\n")}`);
}

// ---- the clones ----

const pnpm = join(repoRoot, "node_modules/pnpm/bin/pnpm.cjs"); // the version package.json pins

async function makeClone(name, head) {
  const dir = join(tmp, name);
  await run(`${name} clone`, "git", ["clone", "--quiet", "--no-hardlinks", "--no-checkout", repoRoot, dir], { cwd: tmp });
  await run(`${name} checkout`, "git", ["checkout", "--quiet", head], { cwd: dir });
  const install = await run(`${name} install`, process.execPath, [pnpm, "install", "--frozen-lockfile", "--prefer-offline"], { cwd: dir, env: process.env });
  return { dir, install: install.ms };
}

/** The run summary turbo wrote for the run that just ended (TURBO_RUN_SUMMARY). */
function newestSummary(dir, seen) {
  const runs = join(dir, ".turbo/runs");
  const files = readdirSync(runs).filter((f) => f.endsWith(".json") && !seen.has(f));
  if (files.length !== 1) throw new Failure(`expected one new run summary in ${runs}, found ${files.length}`);
  seen.add(files[0]);
  return JSON.parse(readFileSync(join(runs, files[0]), "utf8"));
}

/** `pnpm build` then (unless --no-test) `pnpm test` in a clone, each with its summary and wall time. */
async function buildAndTest(clone, name, env) {
  const seen = new Set();
  const build = await run(`${name} pnpm build`, process.execPath, [pnpm, "build"], { cwd: clone.dir, env });
  const result = { build: { ...build, summary: newestSummary(clone.dir, seen) } };
  if (withTests) {
    const test = await run(`${name} pnpm test`, process.execPath, [pnpm, "test"], { cwd: clone.dir, env, allowFail: true });
    result.test = { ...test, summary: newestSummary(clone.dir, seen) };
  }
  return result;
}

const source = (task) => task.cache.source ?? (task.cache.remote ? "REMOTE" : task.cache.local ? "LOCAL" : undefined);
const counts = (tasks) => ({
  total: tasks.length,
  hits: tasks.filter((t) => t.cache.status === "HIT").length,
  remote: tasks.filter((t) => t.cache.status === "HIT" && source(t) === "REMOTE").length,
  failed: tasks.filter((t) => t.execution?.exitCode !== 0 && t.cache.status !== "HIT").map((t) => t.taskId),
});

/** What differs between two runs' global inputs (globalDependencies, globalEnv, the lockfile's hash…). */
function globalDifference(a, b) {
  const files = new Set([...Object.keys(a.files ?? {}), ...Object.keys(b.files ?? {})]);
  const differ = [...files].filter((f) => a.files?.[f] !== b.files?.[f]);
  for (const key of Object.keys({ ...a, ...b })) {
    if (key !== "files" && JSON.stringify(a[key]) !== JSON.stringify(b[key])) differ.push(key === "environmentVariables" ? "globalEnv values" : key);
  }
  return differ.length ? `global inputs differ: ${differ.join(", ")}` : "global inputs differ";
}

/** Why a task missed in clone 2: the inputs and environment that differ from clone 1's same task. */
function whyMissed(task, before, globals) {
  if (!before) return "clone 1 did not run it";
  if (before.hash !== task.hash) {
    const files = new Set([...Object.keys(before.inputs), ...Object.keys(task.inputs)]);
    const differ = [...files].filter((f) => before.inputs[f] !== task.inputs[f]);
    const env = JSON.stringify(before.environmentVariables) !== JSON.stringify(task.environmentVariables) ? ["its environment variables"] : [];
    const deps = before.hashOfExternalDependencies !== task.hashOfExternalDependencies ? ["its external dependencies"] : [];
    const what = [...differ.slice(0, 5), ...env, ...deps];
    return `hash ${before.hash} → ${task.hash}, ${what.length ? `differs in ${what.join(", ")}` : globalDifference(...globals)}`;
  }
  if (before.execution?.exitCode !== 0) return "failed in clone 1, so nothing was uploaded";
  return `same hash ${task.hash}, yet not replayed from the remote cache`;
}

/** Files of the replayed outputs that name clone 1's folder: outputs that would not be portable. */
function pathLeaks(dir, otherDir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const file = join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (statSync(file).size < 20 * 1024 * 1024 && readFileSync(file, "latin1").includes(otherDir)) found.push(file.slice(dir.length + 1));
    }
  };
  for (const pkg of readdirSync(join(dir, "packages"))) {
    for (const out of ["dist", "generated"]) {
      try { walk(join(dir, "packages", pkg, out)); } catch {}
    }
  }
  return found;
}

function storedArtifacts(storage) {
  let count = 0, bytes = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const file = join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.endsWith(".tag")) { count += 1; bytes += statSync(file).size; }
    }
  };
  try { walk(storage); } catch {}
  return { count, bytes };
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join("   ").trimEnd()).join("\n");
}

// ---- the benchmark ----

let exitCode = 0;
try {
  const started = performance.now();
  const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
  if (execFileSync("git", ["status", "--porcelain"], { cwd: repoRoot, encoding: "utf8" }).trim()) log("note: uncommitted changes are not in the clones (they are of HEAD)");
  const token = randomBytes(24).toString("hex");
  const server = await startServer(token);
  log(`cache server on ${server.url} (storage ${server.storage}); two clones of HEAD ${head.slice(0, 7)} in ${tmp}`);

  // Same settings for both clones; none of the user's own TURBO_* (a TURBO_FORCE or TURBO_CACHE_DIR would
  // spoil the figures). Everything else (CI, CHROMIUM_PATH: the env the tasks hash) is inherited by both.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("TURBO_")));
  Object.assign(env, {
    TURBO_API: server.url,
    TURBO_TEAM: "bench",
    TURBO_TOKEN: token,
    TURBO_REMOTE_CACHE_SIGNATURE_KEY: randomBytes(32).toString("hex"),
    TURBO_RUN_SUMMARY: "true",
    TURBO_TELEMETRY_DISABLED: "1",
  });

  log("clone 1: clone and install");
  const one = await makeClone("clone-1", head);
  log(`clone 1: pnpm build${withTests ? " && pnpm test" : ""} (cold: runs every task and uploads it)`);
  const first = await buildAndTest(one, "clone-1", env);
  const stored = storedArtifacts(server.storage);
  log("clone 2: clone and install");
  const two = await makeClone("clone-2", head);
  log(`clone 2: pnpm build${withTests ? " && pnpm test" : ""} (warm: from the remote cache)`);
  const second = await buildAndTest(two, "clone-2", env);

  const phases = withTests ? ["build", "test"] : ["build"];
  const rows = [["", "clone 1 (cold, uploads)", "clone 2 (remote cache)"], ["pnpm install", secs(one.install), secs(two.install)]];
  for (const phase of phases) {
    const [a, b] = [first[phase], second[phase]];
    const [ca, cb] = [counts(a.summary.tasks), counts(b.summary.tasks)];
    rows.push([`pnpm ${phase}`, secs(a.ms), secs(b.ms)]);
    rows.push([`  tasks cached`, `${ca.hits}/${ca.total}`, `${cb.hits}/${cb.total} (${cb.remote} from the remote cache)`]);
    if (ca.failed.length || cb.failed.length) rows.push(["  tasks failed", ca.failed.length, cb.failed.length]);
  }
  rows.push(["artifacts uploaded", `${stored.count} (${(stored.bytes / 1024 / 1024).toFixed(1)} MB, signed)`, ""]);
  console.log(`\nturbo remote cache: two clones of HEAD ${head.slice(0, 7)}, turborepo-remote-cache on 127.0.0.1, signed artifacts\n`);
  console.log(table(rows));

  // Every task clone 2 ran for the first time in this clone must come from the remote cache, unless
  // clone 1 could not upload it (it failed there). The build's tasks must all be remote hits.
  const byId = (summary) => new Map(summary.tasks.map((t) => [t.taskId, t]));
  const problems = [];
  const checked = new Set();
  let sameHash = 0, compared = 0;
  for (const phase of phases) {
    const before = byId(first[phase].summary);
    const globals = [first[phase].summary.globalCacheInputs, second[phase].summary.globalCacheInputs];
    for (const task of second[phase].summary.tasks) {
      if (checked.has(task.taskId)) continue; // built in clone 2's build run; the test run replays it locally
      checked.add(task.taskId);
      const old = before.get(task.taskId);
      compared += 1;
      if (old?.hash === task.hash) sameHash += 1;
      const remoteHit = task.cache.status === "HIT" && source(task) === "REMOTE";
      const uploadable = old && old.hash === task.hash && (old.execution?.exitCode === 0 || old.cache.status === "HIT");
      if (!remoteHit && (phase === "build" || uploadable)) problems.push(`${task.taskId}: ${whyMissed(task, old, globals)}`);
      else if (!remoteHit) log(`note: ${task.taskId} ran again in clone 2: ${whyMissed(task, old, globals)}`);
    }
  }
  console.log(`\ntask hashes equal in both clones: ${sameHash}/${compared}${sameHash === compared ? " (their folders' paths are not hashed)" : ""}`);
  const leaks = pathLeaks(two.dir, one.dir);
  if (leaks.length) console.log(`note: ${leaks.length} replayed output file(s) name clone 1's folder, e.g. ${leaks.slice(0, 3).join(", ")}`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  if (problems.length) {
    console.error(`\n✖ clone 2 did not replay ${problems.length} task(s) from the remote cache:\n  ${problems.join("\n  ")}`);
    exitCode = 1;
  }
} catch (error) {
  if (!interrupted && !(error instanceof Failure)) throw error;
  if (!interrupted) console.error(`✖ ${error.message}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(interrupted ? 130 : exitCode);
