// `pnpm new-api` as a new user runs it, in a copy of this working tree (the repository itself is never
// touched): the starter spec becomes a third API whose build, gates and package tests are green with no
// other edit, and the only files changed outside spec/<name>/ and packages/<name>/ are redocly.yaml and the
// lockfile. An imported multi-file spec becomes one bundled file with the same operations; bad input is a
// one-line error with exit 2 and nothing written.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/repo.js";

const API = "amber-volumes";
let clone: string;
/**
 * A user's shell in the copy: none of the variables this test's own pnpm and turbo set (npm_*, INIT_CWD,
 * TURBO_*), and a PATH without relative entries (`./node_modules/.bin` would resolve in another cwd).
 */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$|TURBO_|PNPM_)/i.test(name))),
  PATH: (process.env.PATH ?? "").split(":").filter((entry) => entry.startsWith("/") && !entry.includes("node_modules")).join(":"),
  CI: "true",
};
const run = (command: string, args: string[], cwd = clone) => spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const newApi = (...args: string[]) => run(process.execPath, ["scripts/new-api.mjs", ...args]);
const changed = () => run("git", ["status", "--porcelain", "--untracked-files=all"]).stdout.split("\n").filter(Boolean).map((line) => line.slice(3));
const ok = (result: ReturnType<typeof run>) => expect(result.status, `${result.stdout}\n${result.stderr}`.slice(-4000)).toBe(0);

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), "new-api-"));
  // the working tree as it is (committed or not), without what git ignores (node_modules, dist, …)
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(clone, file));
  }
  for (const args of [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"]]) ok(run("git", args));
  ok(run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]));
}, 300_000);
afterAll(() => {
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe("pnpm new-api <name>", () => {
  it("refuses bad input in one line, exit 2, writing nothing", () => {
    // the bad inputs live outside the copy, so what the copy holds afterwards is only what new-api wrote
    const inputs = mkdtempSync(join(tmpdir(), "new-api-inputs-"));
    const swagger = join(inputs, "swagger.yaml");
    const broken = join(inputs, "broken.yaml");
    writeFileSync(swagger, "swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths: {}\n");
    writeFileSync(broken, "openapi: 3.1.0\ninfo: [\n");
    for (const [args, message] of [
      [["Bad_Name"], /"Bad_Name" is not a usable API name: lower-case letters/],
      [[], /Give one API name/],
      [["cloudnode"], /packages\/cloudnode\/ already exists/],
      [[API, "--from", "nowhere.yaml"], /--from nowhere.yaml: no such file/],
      [[API, "--from", swagger], /is Swagger 2.0; convert it to OpenAPI 3 first/],
      [[API, "--from", broken], /is not valid YAML or JSON/],
      [[API, "--frm", "x"], /Unknown option '--frm'/],
    ] as const) {
      const result = newApi(...args);
      expect(result.status, `${args.join(" ")}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    rmSync(inputs, { recursive: true, force: true });
    expect(changed()).toEqual([]);
  });

  it("scaffolds the starter spec and its package, touching only redocly.yaml and the lockfile outside them", () => {
    ok(newApi(API));
    const outside = changed().filter((file) => !file.startsWith(`spec/${API}/`) && !file.startsWith(`packages/${API}/`));
    expect(outside.sort()).toEqual(["pnpm-lock.yaml", "redocly.yaml"]);
    expect(parse(readFileSync(join(clone, "redocly.yaml"), "utf8")).apis[`${API}@v1`]).toEqual({ root: `spec/${API}/openapi.yaml` });
    expect(existsSync(join(clone, "packages", API, "node_modules", "@repo", "runtime"))).toBe(true); // installed
  }, 120_000);

  it("builds, lints and passes the gates and its own package tests with no other edit", () => {
    const turbo = join(clone, "node_modules/.bin/turbo");
    // the new API and the site that lists every API (the seed packages are untouched by new-api)
    ok(run(turbo, ["run", "build", `--filter=${API}...`, "--filter=@repo/docs", "--output-logs=errors-only"]));
    ok(run("pnpm", ["lint"]));
    ok(run(turbo, ["run", "test", "typecheck", `--filter=${API}`, "--output-logs=errors-only"]));
    const gates = ["spec-lint", "security-lint", "examples", "portability", "sdk-packages"].map((gate) => `test/${gate}.test.ts`);
    ok(run(process.execPath, [join(clone, "packages/spec-checks/node_modules/vitest/vitest.mjs"), "run", ...gates], join(clone, "packages/spec-checks")));
    ok(run(process.execPath, [join(clone, "packages/docs/node_modules/vitest/vitest.mjs"), "run", "test/samples.test.ts"], join(clone, "packages/docs")));
    const help = run(process.execPath, ["scripts/api.mjs", API, "--help"]);
    ok(help);
    expect(help.stdout).toMatch(/projects\/create +Create a project/);
  }, 900_000);

  it("--from imports a multi-file spec as one bundled file with the same operations", () => {
    ok(newApi("nexus-copy", "--from", "spec/cloudnexus/openapi.yaml", "--no-install"));
    const imported = parse(readFileSync(join(clone, "spec/nexus-copy/openapi.yaml"), "utf8"));
    const operations = (doc: any) => Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) => Object.values(item).map((op) => op?.operationId).filter(Boolean)).sort();
    expect(JSON.stringify(imported)).not.toMatch(/"\$ref":"\.\.?\//); // no file refs left
    expect(imported.paths["/instances"].get.operationId).toBe("instances.list");
    expect(operations(imported).length).toBe(37);
    expect(existsSync(join(clone, "packages/nexus-copy/bin/nexus-copy.js"))).toBe(true);
  }, 120_000);
});
