// Gate 6: versioning and release hygiene of the published packages (the SDKs).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  auditFindings,
  buildAllowlistFindings,
  changesetFindings,
  checkPackageFindings,
  packagesWithInstallScripts,
  runAudit,
  workspacePackages,
} from "../src/release.js";
import { assertClean } from "../src/findings.js";
import { fixture, listApis, repoRoot } from "../src/repo.js";

const published = workspacePackages().filter((pkg) => !pkg.private);
const localBin = join(repoRoot, "packages", "spec-checks", "node_modules", ".bin");

describe("release hygiene", () => {
  it("publishes the SDKs, and only them", () => {
    // one SDK per folder of spec/, named like it: a new API publishes its SDK and nothing else does
    expect(published.map((pkg) => pkg.name).sort()).toEqual(listApis());
  });

  it("versions every published package with changesets and keeps its CHANGELOG.md", () => {
    assertClean("changesets", "Fix .changeset/config.json or add the CHANGELOG.md.", changesetFindings(join(repoRoot, ".changeset"), published));
  });

  // publint and attw themselves run in each SDK package's own tests, on its packed tarball (the pack
  // suite of @repo/testkit/sdk-pack-suite), after that package's build: this gate needs no build.
  it.each(published.map((pkg) => [pkg.name, pkg] as const))("%s has a check:package script (publint + attw)", (_name, pkg) => {
    expect(pkg.scripts["check:package"], `packages/${pkg.name}/package.json: add "check:package": "publint --strict && attw --pack . --profile node16"`).toMatch(/publint[\s\S]*attw/);
  });

  it("pnpm audit --prod finds no high or critical advisory (when the registry serves audits)", () => {
    const result = runAudit();
    if (!result.available) {
      // A registry mirror without the audit endpoint cannot say anything; say so loudly, and let CI that
      // must audit insist on it with SPEC_CHECKS_REQUIRE_AUDIT=1.
      const note = `pnpm audit could not run against this registry (${result.reason}); the audit gate was not applied.`;
      if (process.env.SPEC_CHECKS_REQUIRE_AUDIT === "1") throw new Error(note);
      console.warn(`⚠ ${note}`);
      return;
    }
    assertClean("pnpm audit --prod", "Upgrade the package or pin a fixed version (overrides in pnpm-workspace.yaml).", result.findings);
  });

  it("keeps pnpm's build-script allowlist minimal and every install script decided", () => {
    assertClean(
      "build scripts",
      "Edit onlyBuiltDependencies / ignoredBuiltDependencies in pnpm-workspace.yaml.",
      buildAllowlistFindings(join(repoRoot, "pnpm-workspace.yaml"), packagesWithInstallScripts()),
    );
  });
});

describe("the release hygiene gate", () => {
  it("catches an ignored published package and a missing CHANGELOG.md", () => {
    const widgets = { name: "widgets", dir: fixture("broken-package"), private: false, version: "1.0.0", scripts: {} };
    const messages = changesetFindings(fixture("broken-changesets"), [widgets]).map((f) => f.message);
    expect(messages).toEqual([expect.stringContaining('"widgets" is in "ignore"'), expect.stringContaining("has no CHANGELOG.md")]);
    expect(changesetFindings(fixture("no-such-folder"), [widgets])[0]?.message).toContain("pnpm changeset init");
  });

  it("fails a package whose check:package fails, and one without the script", () => {
    const manifest = JSON.parse(readFileSync(fixture("broken-package", "package.json"), "utf8"));
    const broken = { name: manifest.name, dir: fixture("broken-package"), private: false, version: manifest.version, scripts: manifest.scripts };
    const [failed] = checkPackageFindings(broken, localBin);
    expect(failed?.message).toMatch(/check:package` failed[\s\S]*missing/);
    expect(checkPackageFindings({ ...broken, scripts: {} })[0]?.message).toContain('has no "check:package" script');
  });

  it("reports high and critical advisories, not moderate ones, and an audit that could not run", () => {
    const result = auditFindings(readFileSync(fixture("audit-high.json"), "utf8"));
    expect(result).toEqual({ available: true, findings: [expect.objectContaining({ rule: "audit high", where: "packages__cloudnode>example-lib" })] });
    const offline = auditFindings(JSON.stringify({ error: { code: "ERR_PNPM_AUDIT_BAD_RESPONSE", message: "405" } }));
    expect(offline).toEqual({ available: false, reason: "ERR_PNPM_AUDIT_BAD_RESPONSE: 405" });
  });

  it("catches an allowlisted package without install scripts and an undecided install script", () => {
    const messages = buildAllowlistFindings(fixture("broken-workspace", "pnpm-workspace.yaml"), new Set(["esbuild"])).map((f) => f.message);
    expect(messages).toEqual([expect.stringContaining('"left-pad" is allowed'), expect.stringContaining('"esbuild" has install scripts that nobody decided on')]);
  });
});
