// Gate 6 — versioning and release hygiene: changesets cover every published package, each has a
// CHANGELOG, each passes its own `check:package` (publint + @arethetypeswrong/cli, owned by the SDK
// packages), `pnpm audit --prod` has no high/critical advisory, and pnpm's build-script allowlist
// (onlyBuiltDependencies) lists only installed packages that really have install scripts, while every
// package with install scripts is an explicit decision (allowed, or listed in ignoredBuiltDependencies).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pnpm } from "@repo/model/build";
import { parse as parseYaml } from "yaml";
import type { Finding } from "./findings.js";
import { fromRoot, repoRoot } from "./repo.js";

export interface WorkspacePackage {
  name: string;
  dir: string;
  private: boolean;
  version: string;
  scripts: Record<string, string>;
}

/** Every package of packages/*, read from its package.json. */
export function workspacePackages(root = repoRoot): WorkspacePackage[] {
  const packagesDir = join(root, "packages");
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, "package.json")))
    .map((entry) => {
      const dir = join(packagesDir, entry.name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return { name: manifest.name, dir, private: manifest.private === true, version: manifest.version, scripts: manifest.scripts ?? {} };
    });
}

/** Changesets is set up for every published package, and each published package keeps a CHANGELOG.md. */
export function changesetFindings(changesetDir: string, packages: readonly WorkspacePackage[]): Finding[] {
  const configFile = join(changesetDir, "config.json");
  if (!existsSync(configFile)) {
    return [{ where: fromRoot(configFile), rule: "changesets", message: "no changesets config: run `pnpm changeset init` at the repository root." }];
  }
  const config = JSON.parse(readFileSync(configFile, "utf8")) as { ignore?: string[]; baseBranch?: string };
  const findings: Finding[] = [];
  for (const pkg of packages.filter((p) => !p.private)) {
    if (config.ignore?.includes(pkg.name)) {
      findings.push({ where: fromRoot(configFile), rule: "changesets", message: `published package "${pkg.name}" is in "ignore": remove it so its releases get versions and changelog entries.` });
    }
    if (!existsSync(join(pkg.dir, "CHANGELOG.md"))) {
      findings.push({ where: fromRoot(pkg.dir), rule: "changelog", message: `published package "${pkg.name}" has no CHANGELOG.md: \`pnpm changeset version\` writes it from the changesets.` });
    }
  }
  return findings;
}

/** Runs a package's own `check:package` script (publint + attw); a missing script is a finding too. */
export function checkPackageFindings(pkg: WorkspacePackage, extraPath?: string): Finding[] {
  if (!pkg.scripts["check:package"]) {
    return [{ where: `${fromRoot(pkg.dir)}/package.json`, rule: "check:package", message: `"${pkg.name}" has no "check:package" script: add one running publint and @arethetypeswrong/cli (attw --pack).` }];
  }
  const env = { ...process.env, PATH: extraPath ? `${extraPath}:${process.env.PATH}` : process.env.PATH };
  const result = spawnSync(...pnpm("run", "--silent", "check:package"), { cwd: pkg.dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0) return [];
  const output = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-30).join("\n");
  return [{ where: fromRoot(pkg.dir), rule: "check:package", message: `\`pnpm --filter ${pkg.name} check:package\` failed (exit ${result.status}):\n${output}` }];
}

interface AuditJson {
  error?: { code: string; message: string };
  advisories?: Record<string, { module_name: string; severity: string; title: string; url: string; findings?: { paths: string[] }[] }>;
}

export type AuditResult = { available: false; reason: string } | { available: true; findings: Finding[] };

/** Reads `pnpm audit --json` output: the high and critical advisories, or why the audit could not run. */
export function auditFindings(output: string): AuditResult {
  let report: AuditJson;
  try {
    report = JSON.parse(output);
  } catch {
    return { available: false, reason: `pnpm audit printed no JSON report:\n${output.slice(0, 500)}` };
  }
  if (report.error) return { available: false, reason: `${report.error.code}: ${report.error.message}` };
  const findings = Object.values(report.advisories ?? {})
    .filter((advisory) => advisory.severity === "high" || advisory.severity === "critical")
    .map((advisory) => ({
      where: advisory.findings?.[0]?.paths[0] ?? advisory.module_name,
      rule: `audit ${advisory.severity}`,
      message: `${advisory.module_name}: ${advisory.title} (${advisory.url}) — upgrade it or override its version in pnpm-workspace.yaml.`,
    }));
  return { available: true, findings };
}

/** Runs `pnpm audit --prod --json` at the repository root. */
export function runAudit(): AuditResult {
  const result = spawnSync(...pnpm("audit", "--prod", "--json"), { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return auditFindings(result.stdout);
}

const installScripts = ["preinstall", "install", "postinstall"];

/** Installed packages (node_modules/.pnpm) that declare install scripts, by name. */
export function packagesWithInstallScripts(nodeModules = join(repoRoot, "node_modules")): Set<string> {
  const store = join(nodeModules, ".pnpm");
  const names = new Set<string>();
  for (const entry of readdirSync(store)) {
    const inner = join(store, entry, "node_modules");
    if (!existsSync(inner)) continue;
    // "@scope+name@1.0.0_peer" → "@scope/name"
    const name = entry.replace(/^(@?[^@]+)@.*$/, "$1").replace("+", "/");
    const manifestFile = join(inner, name, "package.json");
    if (!existsSync(manifestFile)) continue;
    const scripts = (JSON.parse(readFileSync(manifestFile, "utf8")).scripts ?? {}) as Record<string, string>;
    if (installScripts.some((script) => scripts[script])) names.add(name);
  }
  return names;
}

/** The allowlist is minimal: each allowed package is installed and needs its scripts; no build is undecided. */
export function buildAllowlistFindings(workspaceFile: string, withScripts: Set<string>): Finding[] {
  const workspace = (parseYaml(readFileSync(workspaceFile, "utf8")) ?? {}) as { onlyBuiltDependencies?: string[]; ignoredBuiltDependencies?: string[] };
  const allowed = workspace.onlyBuiltDependencies ?? [];
  const ignored = workspace.ignoredBuiltDependencies ?? [];
  const where = fromRoot(workspaceFile);
  const findings: Finding[] = [];
  for (const name of allowed) {
    if (!withScripts.has(name)) {
      findings.push({ where, rule: "onlyBuiltDependencies", message: `"${name}" is allowed to run install scripts but no installed package of that name has any: remove it from onlyBuiltDependencies.` });
    }
  }
  for (const name of withScripts) {
    if (!allowed.includes(name) && !ignored.includes(name)) {
      findings.push({ where, rule: "build scripts", message: `"${name}" has install scripts that nobody decided on: add it to ignoredBuiltDependencies (preferred) or, if it cannot work without them, to onlyBuiltDependencies with a comment saying why.` });
    }
  }
  return findings;
}
