// Gate 5 — breaking changes: each bundled spec is compared with the spec of the last release (the newest
// git tag `<package>@<version>`, or the repository's first commit while nothing is tagged) using
// api-smart-diff (which diffs OpenAPI documents and classifies each change), plus this project's policy
// below. A breaking change fails unless the SDK's major version goes up (in package.json, or through a
// pending `major` changeset).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { apiCompare } from "api-smart-diff";
import { parse as parseYaml } from "yaml";
import { binPath, quietRedocly } from "@repo/model/build";
import type { Finding } from "./findings.js";
import { repoRoot } from "./repo.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function git(args: string[], input?: Buffer): Buffer {
  const result = spawnSync("git", args, { cwd: repoRoot, input, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr.toString().trim()}`);
  return result.stdout;
}

/** The released baseline of a package: its newest `<name>@<version>` tag, else the first commit. */
export function lastRelease(packageName: string): { ref: string; label: string } {
  const tags = git(["tag", "--list", `${packageName}@*`, "--sort=-v:refname"]).toString().split("\n").filter(Boolean);
  if (tags[0]) return { ref: tags[0], label: `tag ${tags[0]}` };
  const roots = git(["rev-list", "--max-parents=0", "HEAD"]).toString().split("\n").filter(Boolean);
  const root = roots.at(-1);
  if (!root) throw new Error("This checkout has no commits to compare the specs with; fetch the full history.");
  return { ref: root, label: `first commit ${root.slice(0, 7)} (no ${packageName}@* tag yet)` };
}

/** A file's text at a git ref, or undefined when it did not exist there. */
export function fileAt(ref: string, path: string): string | undefined {
  const result = spawnSync("git", ["show", `${ref}:${path}`], { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** Bundles spec/<api>/ as it was at `ref` (extracted with git archive) with the Redocly CLI. */
export function bundleAt(api: string, ref: string, workDir: string): Json | undefined {
  if (fileAt(ref, `spec/${api}/openapi.yaml`) === undefined) return undefined;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const tar = git(["archive", "--format=tar", ref, `spec/${api}`]);
  const untar = spawnSync("tar", ["-x", "-C", workDir], { input: tar });
  if (untar.status !== 0) throw new Error(`could not extract spec/${api} at ${ref}: ${untar.stderr.toString()}`);
  const out = join(workDir, "openapi.json");
  const result = spawnSync(
    process.execPath,
    [binPath("@redocly/cli", "redocly"), "bundle", join(workDir, "spec", api, "openapi.yaml"), "--ext", "json", "-o", out],
    { cwd: workDir, env: quietRedocly, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`could not bundle spec/${api} at ${ref}:\n${result.stderr}`);
  return JSON.parse(readFileSync(out, "utf8"));
}

const pointer = (path: (string | number)[]) => `#/${path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

/** Follows local refs of a bundle (for parameters api-smart-diff reports unresolved). */
function resolveLocal(doc: Json, node: unknown): unknown {
  if (!isObject(node) || typeof node.$ref !== "string" || !node.$ref.startsWith("#/")) return node;
  return node.$ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((parent, key) => (isObject(parent) ? parent[key] : undefined), doc);
}

/** The `type` of the schema holding the keyword at `path` (the path api-smart-diff reports). */
function schemaType(doc: Json, path: string[]): unknown {
  const holder = path.slice(0, -1).reduce<unknown>((node, key) => {
    const resolved = resolveLocal(doc, node);
    return isObject(resolved) ? resolveLocal(doc, resolved[key]) : Array.isArray(resolved) ? resolveLocal(doc, resolved[Number(key)]) : undefined;
  }, doc);
  const resolved = resolveLocal(doc, holder);
  return isObject(resolved) ? resolved.type : undefined;
}

/**
 * The breaking changes from `before` to `after`. api-smart-diff classifies; the project policy adjusts:
 * - what a response newly adds (a property, a header, a `required` mark, a pattern or bound, an enum
 *   value — every growing enum tells clients to tolerate unknown values) is not breaking; new
 *   alternatives (`oneOf`/`anyOf` entries, another `type`) are;
 * - a changed `type` is breaking in a response, a parameter or a request body (the library only flags
 *   it on the component, which it would report once per component rather than per operation);
 * - `format` added to an integer or number is an annotation of its range, not breaking;
 * - a parameters list added to an operation that had none is breaking when one of them is required.
 * Changes under components/ are reported through the operations that use them, so they are skipped.
 */
export function breakingChanges(before: Json, after: Json): Finding[] {
  const { diffs } = apiCompare(before, after);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const diff of diffs) {
    const path = diff.path.map(String);
    if (path[0] === "components") continue;
    let breaking = diff.type === "breaking";
    const inResponse = path.includes("responses");
    // What a response newly adds (a property, a header, a constraint, a required mark, an enum value)
    // only narrows what clients receive; only new alternatives (oneOf/anyOf, another type) widen it.
    if (breaking && diff.action === "add" && inResponse && !path.some((p) => p === "oneOf" || p === "anyOf" || p === "type")) breaking = false;
    // `format` on a number (int32, int64, double) names the range its bounds already state.
    if (breaking && diff.action === "add" && path.at(-1) === "format" && ["integer", "number"].includes(String(diff.after === undefined ? "" : schemaType(after, path)))) breaking = false;
    if (!breaking && diff.action === "replace" && path.at(-1) === "type") {
      const was = [diff.before].flat();
      const is = [diff.after].flat();
      const widenedInput = !inResponse && was.every((type) => is.includes(type));
      breaking = !widenedInput;
    }
    if (!breaking && diff.action === "add" && path.at(-1) === "parameters" && Array.isArray(diff.after)) {
      breaking = diff.after.some((param) => {
        const resolved = resolveLocal(after, param);
        return isObject(resolved) && resolved.required === true;
      });
    }
    if (!breaking) continue;
    const message = diff.description ?? `${diff.action} ${JSON.stringify(diff.before ?? diff.after)}`;
    const key = `${pointer(path)} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ where: pointer(path), rule: `breaking ${diff.action}`, message });
  }
  return findings;
}

const major = (version: string | undefined) => Number.parseInt(version?.split(".")[0] ?? "", 10);

/** The release types that pending changesets (.changeset/*.md) ask for each package. */
export function pendingBumps(changesetDir = join(repoRoot, ".changeset")): Map<string, string[]> {
  const bumps = new Map<string, string[]>();
  let files: string[] = [];
  try {
    files = readdirSync(changesetDir).filter((file) => file.endsWith(".md") && file !== "README.md");
  } catch {
    return bumps;
  }
  for (const file of files) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(changesetDir, file), "utf8"))?.[1];
    const releases = frontmatter ? (parseYaml(frontmatter) as Record<string, string> | null) : null;
    for (const [name, type] of Object.entries(releases ?? {})) bumps.set(name, [...(bumps.get(name) ?? []), type]);
  }
  return bumps;
}

/** True when a breaking release is declared: major version raised since `baseVersion`, or a major changeset. */
export function majorBumpDeclared(name: string, baseVersion: string | undefined, currentVersion: string, bumps: Map<string, string[]>): boolean {
  if (baseVersion !== undefined && major(currentVersion) > major(baseVersion)) return true;
  return bumps.get(name)?.includes("major") ?? false;
}
