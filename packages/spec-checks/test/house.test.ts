// The house's rules (ARCHITECTURE.md, "The house"), read from the code itself: each package imports only
// what its package.json declares, no package reaches into another's files or into scripts/, and the
// packages' dependencies never run in a circle.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { listApis, repoRoot } from "../src/repo.js";

type Manifest = { name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; peerDependencies?: Record<string, string> };

const packagesDir = join(repoRoot, "packages");
const packages = readdirSync(packagesDir).filter((dir) => existsSync(join(packagesDir, dir, "package.json")));
const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8"));
const byName = new Map(packages.map((dir) => [manifestOf(dir).name, dir]));

/** Every hand-written source file of a package (src/, test/, bench/), generated and built files aside. */
function sourcesOf(dir: string): string[] {
  return ["src", "test", "bench"].flatMap((sub) => {
    const root = join(packagesDir, dir, sub);
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|js)$/.test(entry.name) && !/(^|\/)(fixtures|test-output)\//.test(relative(root, entry.parentPath)))
      .map((entry) => join(entry.parentPath, entry.name));
  });
}

/** The module specifiers a file imports (static, dynamic and `export … from`), comments left out. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  return [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const declared = (manifest: Manifest) => new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies }));
const repoDeps = (dir: string) => [...declared(manifestOf(dir))].filter((name) => name.startsWith("@repo/") && byName.has(name));

describe.each(packages)("packages/%s", (dir) => {
  const files = sourcesOf(dir);

  it("imports other packages by name, each declared in its package.json, and nothing of scripts/ from src/", () => {
    const manifest = manifestOf(dir);
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        const where = `${relative(repoRoot, file)} imports "${specifier}"`;
        if (specifier.startsWith(".")) {
          const target = relative(packagesDir, resolve(file, "..", specifier));
          const into = target.startsWith("..") ? null : target.split("/")[0];
          expect(into === null || into === dir, `${where}: another package's files; import it by its name`).toBe(true);
        } else if (specifier.startsWith("@repo/")) {
          const name = specifier.split("/").slice(0, 2).join("/");
          if (name !== manifest.name) expect(declared(manifest).has(name), `${where}, which package.json does not declare`).toBe(true);
        }
      }
    }
    for (const file of files.filter((f) => f.includes(`${dir}/src/`))) {
      expect(readFileSync(file, "utf8"), `${relative(repoRoot, file)} names scripts/`).not.toMatch(/from\s+["'][^"']*\bscripts\//);
    }
  });
});

describe.each(packages.filter((dir) => !listApis().includes(dir)))("packages/%s (a room of the house)", (dir) => {
  it("has a README: its job, its public surface, what it may import", () => {
    const readme = join(packagesDir, dir, "README.md");
    expect(existsSync(readme), `packages/${dir}/README.md`).toBe(true);
    expect(readFileSync(readme, "utf8")).toMatch(/may import/i);
  });
});

describe("the packages' dependencies", () => {
  it("never run in a circle", () => {
    const cycles: string[] = [];
    const visit = (dir: string, path: string[]) => {
      for (const dep of repoDeps(dir).map((name) => byName.get(name)!)) {
        if (path.includes(dep)) cycles.push([...path.slice(path.indexOf(dep)), dep].join(" → "));
        else visit(dep, [...path, dep]);
      }
    };
    for (const dir of packages) visit(dir, [dir]);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it("are read from this very list of packages (the check above sees every one)", () => {
    expect(packages).toEqual(expect.arrayContaining(["model", "client", "cli", "mcp", "mock-engine", "mock-server", "docs", "testkit", ...listApis()]));
  });
});
