// Real specs from the field (corpus/: documents nobody here wrote, kept as published) through the one
// command a user runs, `pnpm new-api <name> --from <file>`, in a copy of this working tree: each becomes
// an API whose build, package suites (the SDK and CLI against its own mocks, the docs samples) and gates
// pass with no other edit, while the upstream file stays as it was. DigitalOcean's 659 operations are
// measured by `pnpm bench:scale` instead (their package suites take minutes).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pnpm } from "@repo/model/build";
import { repoRoot } from "../src/repo.js";
import { ok, workingCopy, type WorkingCopy } from "./support/working-copy.js";

/** The corpus specs small enough for `pnpm test` (the large ones are benchmarked). */
const SMALL = readdirSync(join(repoRoot, "corpus"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && statSync(join(repoRoot, "corpus", entry.name, "openapi.yaml")).size < 500_000)
  .map((entry) => entry.name)
  .sort();
const upstream = (name: string) => readFileSync(join(repoRoot, "corpus", name, "openapi.yaml"), "utf8");

let copy: WorkingCopy;
beforeAll(() => {
  copy = workingCopy("real-specs-");
}, 300_000);
afterAll(() => copy?.remove());

describe.each(SMALL)("corpus/%s", (name) => {
  it("imports with one command: the upstream document as it was, its names in an overlay, its lint problems as a baseline", () => {
    ok(copy.newApi(name, "--from", join(repoRoot, "corpus", name, "openapi.yaml"), "--no-install"));
    expect(parse(readFileSync(join(copy.dir, "spec", name, "openapi.yaml"), "utf8"))).toEqual(parse(upstream(name)));
    const overlay = parse(readFileSync(join(copy.dir, "spec", name, "overlay.yaml"), "utf8"));
    expect(overlay.overlay).toBe("1.0.0");
    expect(overlay.actions.length).toBeGreaterThan(0);
    const baseline = parse(readFileSync(join(copy.dir, ".redocly.lint-ignore.yaml"), "utf8"));
    expect(Object.keys(baseline[`spec/${name}/openapi.yaml`] ?? {}).length).toBeGreaterThan(0);
  }, 120_000);
});

describe("the imported APIs", () => {
  it("build, and pass their package suites, their typecheck and their gates with no other edit", () => {
    ok(copy.run(...pnpm("install", "--no-frozen-lockfile", "--offline")));
    const turbo = join(copy.dir, "node_modules/.bin/turbo");
    const filters = SMALL.map((name) => `--filter=${name}`);
    ok(copy.run(turbo, ["run", "build", ...SMALL.map((name) => `--filter=${name}...`), "--filter=@repo/docs", "--output-logs=errors-only"]));
    ok(copy.run(...pnpm("lint")));
    ok(copy.run(turbo, ["run", "test", "typecheck", ...filters, "--output-logs=errors-only"]));
    const vitest = join(copy.dir, "packages/spec-checks/node_modules/vitest/vitest.mjs");
    const gates = ["spec-lint", "security-lint", "examples", "portability", "sdk-packages"].map((gate) => `test/${gate}.test.ts`);
    ok(copy.run(process.execPath, [vitest, "run", ...gates, "-t", SMALL.join("|")], join(copy.dir, "packages/spec-checks")));
  }, 1_200_000);

  it("left every upstream file of corpus/ untouched", () => {
    for (const name of SMALL) expect(readFileSync(join(copy.dir, "corpus", name, "openapi.yaml"), "utf8")).toBe(upstream(name));
  });
});
