// The lint ratchet of an imported spec: what upstream breaks today is recorded in Redocly's own lint
// ignore file (.redocly.lint-ignore.yaml, next to redocly.yaml, one section per spec file), so the
// build and `pnpm test` are green on import, a new problem fails the spec gate, and a fixed one must
// leave the baseline (`pnpm lint-baseline <api>`): the count only goes down.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { binPath, quietRedocly } from "./redocly.js";
import { UsageError } from "./usage-error.js";
import { repoRoot, specFile } from "./workspace.js";

export const lintIgnoreFile = join(repoRoot, ".redocly.lint-ignore.yaml");

/** One problem Redocly reports: its rule, severity and the JSON pointer it is at. */
export interface LintProblem {
  readonly rule: string;
  readonly severity: "error" | "warn";
  readonly pointer: string;
  readonly message: string;
}

/** rule → the JSON pointers where it is broken and ignored (Redocly's ignore-file section of one spec). */
export type LintBaseline = Record<string, string[]>;

/** The key of an API's section in the ignore file: its spec's path relative to redocly.yaml. */
const sectionOf = (api: string): string => `spec/${api}/openapi.yaml`;

/** Every API's recorded baseline (the ignore file), `{}` when there is none. */
function readIgnoreFile(): Record<string, LintBaseline> {
  return existsSync(lintIgnoreFile) ? ((parse(readFileSync(lintIgnoreFile, "utf8")) as Record<string, LintBaseline> | null) ?? {}) : {};
}

/** The recorded lint baseline of an API (null: it has none, as a hand-written spec). */
export function lintBaselineOf(api: string): LintBaseline | null {
  return readIgnoreFile()[sectionOf(api)] ?? null;
}

/**
 * Lints an API's spec with redocly.yaml's rules and returns every problem, the baseline NOT applied
 * (the config is copied to a scratch folder, where no ignore file sits next to it).
 */
export function lintWithoutBaseline(api: string): LintProblem[] {
  const config = parse(readFileSync(join(repoRoot, "redocly.yaml"), "utf8")) as Record<string, unknown>;
  delete config.apis;
  delete config.openapi; // the docs' options; their template path is relative to the repository
  config.plugins = ((config.plugins as string[] | undefined) ?? []).map((plugin) => (isAbsolute(plugin) ? plugin : resolve(repoRoot, plugin)));
  const scratch = join(repoRoot, "node_modules", ".cache", "lint-without-baseline", `${process.pid}-${Date.now()}`);
  mkdirSync(scratch, { recursive: true });
  try {
    writeFileSync(join(scratch, "redocly.yaml"), stringify(config));
    const result = spawnSync(
      process.execPath,
      [binPath("@redocly/cli", "redocly"), "lint", specFile(api), "--config", join(scratch, "redocly.yaml"), "--format", "json", "--max-problems", "100000"],
      { cwd: repoRoot, env: quietRedocly, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
    );
    let report: { problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[] };
    try {
      report = JSON.parse(result.stdout);
    } catch {
      throw new Error(`redocly lint spec/${api} printed no report (exit ${result.status}):\n${result.stderr}`);
    }
    return report.problems.map((p) => ({ rule: p.ruleId, severity: p.severity === "error" ? "error" : "warn", pointer: p.location[0]?.pointer ?? "#/", message: p.message }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Problems → the ignore-file section that ignores exactly them (rules and pointers sorted). */
export function baselineOf(problems: readonly LintProblem[]): LintBaseline {
  const section: LintBaseline = {};
  for (const { rule, pointer } of problems) (section[rule] ??= []).includes(pointer) || section[rule]!.push(pointer);
  return Object.fromEntries(Object.keys(section).sort().map((rule) => [rule, section[rule]!.sort()]));
}

/** What `current` has that `baseline` does not (new problems), and what `baseline` has that is gone (fixed). */
export function compareBaseline(baseline: LintBaseline, current: LintBaseline): { added: string[]; fixed: string[] } {
  const flat = (section: LintBaseline) => new Set(Object.entries(section).flatMap(([rule, pointers]) => pointers.map((pointer) => `${rule} ${pointer}`)));
  const before = flat(baseline);
  const now = flat(current);
  return { added: [...now].filter((entry) => !before.has(entry)), fixed: [...before].filter((entry) => !now.has(entry)) };
}

/** Why a rule matters to this pipeline, for the "fix first" report. */
const CONSEQUENCES: Record<string, string> = {
  "no-invalid-media-type-examples": "the mock does not serve these examples and the docs show them wrong",
  "no-invalid-schema-examples": "the mock does not serve these examples",
  "no-invalid-parameter-examples": "samples and tests built from them send invalid values",
  "no-ambiguous-paths": "a request may reach the wrong operation in the mock",
  "no-illogical-composition-keywords": "types generated from these schemas are loose or never",
  "rule/operation-id-namespace-method": "the overlay gives these operations their SDK names",
};

/** The baseline as a to-do list: errors first, then by count, one line per rule. */
export function baselineReport(problems: readonly LintProblem[]): string[] {
  const byRule = new Map<string, { severity: string; count: number }>();
  for (const { rule, severity } of problems) {
    const entry = byRule.get(rule) ?? { severity, count: 0 };
    entry.count += 1;
    if (severity === "error") entry.severity = "error";
    byRule.set(rule, entry);
  }
  return [...byRule]
    .sort(([a, x], [b, y]) => (x.severity === y.severity ? y.count - x.count || a.localeCompare(b) : x.severity === "error" ? -1 : 1))
    .map(([rule, { severity, count }]) => `${severity.padEnd(5)} ${String(count).padStart(5)}  ${rule}${CONSEQUENCES[rule] ? `: ${CONSEQUENCES[rule]}` : ""}`);
}

/**
 * Records (or shrinks) an API's baseline in the ignore file from what lint finds now. Without `accept`,
 * a problem that is not in an existing baseline is refused (fix it instead); with it, it is recorded
 * (e.g. after refreshing the upstream file). Returns the problems now recorded and what changed.
 */
export function recordLintBaseline(api: string, { accept = false }: { accept?: boolean } = {}): { problems: LintProblem[]; added: string[]; fixed: string[] } {
  const problems = lintWithoutBaseline(api);
  const current = baselineOf(problems);
  const previous = lintBaselineOf(api);
  const { added, fixed } = compareBaseline(previous ?? {}, current);
  if (previous && added.length && !accept) {
    throw new UsageError(
      `spec/${api} has ${added.length} lint problem(s) that are not in its baseline (fix them, or record them with --accept after refreshing the upstream file):\n${added.slice(0, 20).map((entry) => `  ${entry}`).join("\n")}`,
    );
  }
  const all = readIgnoreFile();
  if (problems.length) all[sectionOf(api)] = current;
  else delete all[sectionOf(api)];
  const head = "# Redocly's lint ignore file: the recorded lint baseline of each imported spec (`pnpm lint-baseline <api>`).\n# An entry may only leave; the spec gate of `pnpm test` fails on a problem that is not here, and on an entry that is fixed.\n";
  if (Object.keys(all).length) writeFileSync(lintIgnoreFile, `${head}${stringify(all, { lineWidth: 0 })}`);
  else rmSync(lintIgnoreFile, { force: true });
  return { problems, added, fixed };
}
