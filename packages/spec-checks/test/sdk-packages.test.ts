// Every SDK package is the template of `pnpm new-api` (scripts/templates/sdk-package) rendered for its
// API: the wiring (src/, bin/, configs) is the same file, the manifest has the same fields, and every
// shared suite the template runs is run by the package too (a package may add its own calls and tests).
// So a fix to the wiring is made once, in the template, and a new API gets what the others have.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { renderSdkPackage } from "../../../scripts/lib/scaffold.mjs";
import { listApis, packageDir, specFile } from "../src/repo.js";

type Json = Record<string, any>;
/** The manifest fields that make the package work; version, description and extra devDependencies are its own. */
const MANIFEST_FIELDS = ["name", "license", "type", "sideEffects", "main", "module", "types", "bin", "exports", "files", "engines", "scripts", "peerDependencies", "peerDependenciesMeta", "dependencies"];
/** The shared suites a test file of the template runs (`…Suite` imported from "@repo/testkit/…" or "@repo/docs/…"). */
const suitesOf = (source: string) =>
  [...source.matchAll(/import \{([^}]+)\} from "@repo\/(?:testkit|docs)\/[^"]+"/g)]
    .flatMap((m) => m[1]!.split(",").map((name) => name.trim()))
    .filter((name) => name.endsWith("Suite"));

describe.each(listApis())("packages/%s", (api) => {
  const dir = packageDir(api);
  const rendered = renderSdkPackage(api, parse(readFileSync(specFile(api), "utf8")));
  const read = (path: string) => readFileSync(join(dir, path), "utf8");

  it.each(rendered.filter((file) => !/^(package\.json|turbo\.json|CHANGELOG\.md|test\/.*\.test\.ts)$/.test(file.path)).map((file) => [file.path, file] as const))(
    "%s is the template's",
    (path, file) => {
      expect(existsSync(join(dir, path)), `packages/${api}/${path} is missing: copy it from scripts/templates/sdk-package/`).toBe(true);
      expect(read(path), `packages/${api}/${path} differs from scripts/templates/sdk-package/: change the template, then the packages`).toBe(file.content);
      expect(statSync(join(dir, path)).mode & 0o111).toBe(file.mode & 0o111);
    },
  );

  it("package.json has the template's fields, and its devDependencies", () => {
    const template = JSON.parse(rendered.find((file) => file.path === "package.json")!.content) as Json;
    const manifest = JSON.parse(read("package.json")) as Json;
    for (const field of MANIFEST_FIELDS) expect(manifest[field], `packages/${api}/package.json "${field}"`).toEqual(template[field]);
    expect(manifest.devDependencies).toEqual(expect.objectContaining(template.devDependencies));
  });

  it("turbo.json has the template's tasks", () => {
    const template = JSON.parse(rendered.find((file) => file.path === "turbo.json")!.content) as Json;
    expect(JSON.parse(read("turbo.json"))).toMatchObject(template);
  });

  it.each(rendered.filter((file) => /^test\/.*\.test\.ts$/.test(file.path)).map((file) => [file.path, file] as const))(
    "%s runs the template's shared suites",
    (path, file) => {
      expect(existsSync(join(dir, path)), `packages/${api}/${path} is missing: copy it from scripts/templates/sdk-package/`).toBe(true);
      const suites = suitesOf(file.content);
      expect(suites.length).toBeGreaterThan(0);
      for (const suite of suites) expect(read(path)).toMatch(new RegExp(`\\b${suite}\\(`));
    },
  );
});
