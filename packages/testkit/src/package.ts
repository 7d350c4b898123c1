// What the SDK packages' shared suites read (Node only, never in an SDK bundle): the package's own package.json,
// generated model and bundled spec, the operation that shows the package works, and a harness around its built bin.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { ApiModel, ModelOperation } from "@repo/model";
import { binHarness, type Harness } from "./bin-harness.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock started by the package's test/global-setup.ts. */
    mockUrl: string;
  }
}

export type Json = Record<string, any>;
export type SuiteOperation = ModelOperation;

/** What a package's directory holds that the suites derive their values from. */
export interface SdkPackage {
  dir: string;
  packageJson: Json;
  /** The API's name: the package, its bin and its import specifier. */
  name: string;
  /** The bin's path inside the package (package.json `bin`). */
  binFile: string;
  model: ApiModel;
  spec: Json;
}

/** Reads package.json, generated/model.json and generated/openapi.json of the package at `dir`. */
export function sdkPackage(dir: string): SdkPackage {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));
  const packageJson = read("package.json");
  const name: string = packageJson.name;
  return { dir, packageJson, name, binFile: packageJson.bin[name], model: read("generated/model.json"), spec: read("generated/openapi.json") };
}

/** Whether an operation's success answer is JSON (what a suite can read a shape from). */
export const answersJson = (op: SuiteOperation): boolean => Boolean(op.successStatus && op.responses[op.successStatus]?.hasBody);

/**
 * The read the suites about answer bodies call (how the CLI prints one, what the SDK resolves with): the
 * probe when it answers JSON, else the first GET that does; undefined for an API whose answers carry no
 * content, which has nothing there to prove.
 */
export function jsonReadOperation(pkg: SdkPackage): SuiteOperation | undefined {
  const probe = probeOperation(pkg);
  return answersJson(probe) ? probe : pkg.model.operations.find((op) => op.method === "GET" && answersJson(op));
}

/**
 * The call a suite makes to show that a package works: the model's login operation (what `login` checks
 * a token with), else the first GET answering JSON whose spec examples give every parameter it needs,
 * else (an API whose answers have no content) the first GET that needs no input.
 */
export function probeOperation(pkg: SdkPackage): SuiteOperation {
  const ops = pkg.model.operations;
  const login = ops.find((op) => op.operationId === pkg.model.login);
  const probe =
    login ??
    ops.find((op) => op.method === "GET" && answersJson(op) && !/\{/.test(op.path)) ??
    ops.find((op) => op.method === "GET" && answersJson(op)) ??
    // an API whose answers carry no content: its first read that needs no input
    ops.find((op) => op.method === "GET" && op.successStatus && !/\{/.test(op.path) && op.parameters.every((p) => !p.required));
  if (!probe) throw new Error(`${pkg.name}: no operation to probe the package with: mark one GET operation with x-cli-login: true.`);
  return probe;
}

/**
 * A harness around the package's bin (package.json `bin`) with a fresh config directory; the file's
 * tests stop at once with what to do when dist/cli.js is not built, and end by checking that nothing
 * the bin printed contains `token`.
 */
export function builtBinHarness(pkg: SdkPackage, token: string): Harness {
  const cli = binHarness(join(pkg.dir, pkg.binFile), mkdtempSync(join(tmpdir(), `${pkg.name}-cli-`)));
  beforeAll(() => {
    const built = join(pkg.dir, "dist/cli.js");
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm build\` first.`);
  });
  afterAll(() => {
    expect(cli.transcript()).not.toContain(token);
  });
  return cli;
}
