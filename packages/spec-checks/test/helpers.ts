// Fixture plumbing shared by the gate tests: bundle a fixture spec, write a mutated copy, read a bundle.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { redocly } from "@repo/model/build";
import { bundleFile, fixture, outputDir } from "../src/repo.js";

export type Doc = Record<string, any>;

/** Bundles fixtures/<name>/openapi.yaml to JSON (as the build bundles spec/<api>/) and returns it. */
export function bundleFixture(name: string): { file: string; doc: Doc } {
  const file = join(outputDir, "fixtures", `${name}.json`);
  mkdirSync(join(outputDir, "fixtures"), { recursive: true });
  redocly(["bundle", fixture(name, "openapi.yaml"), "--ext", "json", "-o", file]);
  return { file, doc: JSON.parse(readFileSync(file, "utf8")) };
}

/** Writes a (mutated) document to test-output and returns its path. */
export function writeDoc(name: string, doc: Doc): string {
  mkdirSync(join(outputDir, "fixtures"), { recursive: true });
  const file = join(outputDir, "fixtures", `${name}.json`);
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

/** A deep copy of `doc` changed by `change`: the way the tests break the valid fixture. */
export function mutate(doc: Doc, change: (copy: Doc) => void): Doc {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

/** The bundle of an API, as the build makes it from spec/<api>/. */
export function readBundle(api: string): Doc {
  return JSON.parse(readFileSync(bundleFile(api), "utf8"));
}
