// Starts the Prism mock of one API of this repository, from the bundle its SDK package generated.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startPrism, type PrismOptions, type RunningPrism } from "@repo/runtime/mock";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The APIs of the repository: the folders of spec/ with an openapi.yaml. */
export function listApis(): string[] {
  return readdirSync(join(repoRoot, "spec"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, "spec", entry.name, "openapi.yaml")))
    .map((entry) => entry.name)
    .sort();
}

/** The bundled spec the mock serves: packages/<api>/generated/openapi.json, written by `pnpm build`. */
export function bundledSpec(api: string): string {
  const apis = listApis();
  if (!apis.includes(api)) throw new Error(`Unknown API "${api}". Known APIs: ${apis.join(", ")}.`);
  const file = join(repoRoot, "packages", api, "generated", "openapi.json");
  if (!existsSync(file)) throw new Error(`${file} does not exist yet: run \`pnpm build\` (or \`pnpm turbo run generate\`) first.`);
  return file;
}

export type MockOptions = PrismOptions;
export type RunningMock = RunningPrism;

/** Starts Prism for `api` on 127.0.0.1 and a free port; resolves once it answers. */
export function startMock(api: string, options: MockOptions = {}): Promise<RunningMock> {
  return startPrism(bundledSpec(api), options);
}

/**
 * A vitest global setup that starts the mock of `api` once per test run and provides its URL
 * to tests as `inject("mockUrl")`. Use: `export default mockGlobalSetup("cloudnode")`.
 */
export function mockGlobalSetup(api: string, options: MockOptions = {}) {
  return async ({ provide }: { provide: (key: "mockUrl", value: string) => void }) => {
    const mock = await startMock(api, options);
    provide("mockUrl", mock.url);
    return () => mock.stop();
  };
}
