// Starts the mock of one API of this repository (stateful by default), from the bundle and the model
// built from spec/<api>/ (@repo/model/build's apiArtifacts): no SDK package needs to be built first.
import { apiArtifacts, listApis } from "@repo/model/build";
import type { FaultOptions } from "./faults.js";
import { startPrism, type PrismOptions, type RunningPrism } from "./prism.js";
import { startMockServer, type StartMockOptions } from "./start-mock.js";

export { listApis };

/** The bundled spec the mock serves (its model.json lies next to it), built from spec/<api>/ when it changed. */
export function bundledSpec(api: string): string {
  const apis = listApis();
  if (!apis.includes(api)) throw new Error(`Unknown API "${api}". Known APIs: ${apis.join(", ")}.`);
  return apiArtifacts(api).servedFile;
}

/** `mode: "static"` (or any Prism option: errors, dynamic, upstream) serves Prism's example mock. */
export type MockOptions = StartMockOptions & Pick<PrismOptions, "errors" | "upstream" | "onLog">;
export type RunningMock = Pick<RunningPrism, "url" | "port" | "pid" | "stop"> & {
  /** Every request answered so far (stateful mode): method, path, operationId, status, violations. */
  readonly requests: ReadonlyArray<{ method: string; path: string; operationId: string | undefined; status: number; violations: unknown[] }>;
  /** Back to the seeded state (stateful mode). */
  reset(): void;
  /** Faults from now on (stateful mode), replacing those of the options. */
  inject(faults?: FaultOptions): void;
};

/** Starts the mock of `api` on 127.0.0.1 and a free port; resolves once it answers. */
export async function startMock(api: string, options: MockOptions = {}): Promise<RunningMock> {
  const { errors, upstream, onLog, ...mockOptions } = options;
  if (options.mode === "static" || errors || upstream || onLog || options.dynamic) {
    const prism = await startPrism(bundledSpec(api), options);
    return { ...prism, requests: [], reset: () => {}, inject: () => {
      throw new Error("Faults need the stateful mock (leave out mode: \"static\").");
    } };
  }
  return startMockServer(bundledSpec(api), (url) => url, mockOptions);
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
