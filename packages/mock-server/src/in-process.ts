// The simulator in process, for Node (vitest, Jest, node:test, Bun, Deno): `createMock()` gives a
// standard fetch answered by the engine and judged by Prism's validators, an SDK client wired to it,
// MSW handlers, the recorded requests and the clock. No server, no port, nothing to stop.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { EngineModel } from "@repo/mock-engine";
import { assembleMock, type CreateMockOptions, type InProcessMock } from "./assemble.js";
import type { MockClock } from "./clock.js";
import { loadJudge } from "./judge.js";
import type { MswModule } from "./msw-handlers.js";

export type { CreateMockOptions, InProcessMock };

/** The simulator of `specFile` (its model is the `model.json` next to it), with `makeClient` wired to it. */
export async function createInProcessMock<Client, ClientOptions>(
  specFile: string | URL,
  makeClient: (wiring: { baseUrl: string; fetch: typeof globalThis.fetch; clock: MockClock }, options?: ClientOptions) => Client,
  options: CreateMockOptions = {},
): Promise<InProcessMock<Client, ClientOptions>> {
  const file = typeof specFile === "string" ? specFile : fileURLToPath(specFile);
  if (!existsSync(file)) throw new Error(`The spec this mock serves is missing (${file}); reinstall the package or rebuild it.`);
  const spec = JSON.parse(readFileSync(file, "utf8"));
  const model: EngineModel = JSON.parse(readFileSync(file.replace(/openapi\.json$/, "model.json"), "utf8"));
  const judge = await loadJudge(file);
  return assembleMock(spec, model, { ...options, judge, msw: loadMsw, makeClient });
}

/** msw, loaded on first use of `mock.handlers` (an optional peer: most tests never load it). */
function loadMsw(): MswModule {
  try {
    return createRequire(import.meta.url)("msw") as MswModule;
  } catch {
    throw new Error("mock.handlers needs MSW: install it next to this package (npm install -D msw@^2.15.0).");
  }
}

/**
 * Makes the `createMock()` of one SDK's `<api>/mock` entry: the simulator of the spec the package ships;
 * `mock.client()` gives that SDK's client on `mock.fetch` and the mock's clock, with a placeholder token
 * (any well-formed one is accepted unless `tokens` says otherwise) and no retries unless asked for.
 */
export function sdkCreateMock<Client, Options extends { maxRetries?: number | undefined; baseUrl?: string | undefined; fetch?: typeof globalThis.fetch | undefined; clock?: Pick<MockClock, "now" | "sleep"> | undefined }>(
  specFile: string | URL,
  ClientClass: new (token?: string, options?: Options) => Client,
) {
  return (options: CreateMockOptions = {}): Promise<InProcessMock<Client, Options & { token?: string | undefined }>> =>
    createInProcessMock<Client, Options & { token?: string | undefined }>(
      specFile,
      (wiring, { token = options.tokens?.[0] ?? "mock-token", ...clientOptions } = {} as Options & { token?: string }) =>
        new ClientClass(token, { maxRetries: 0, ...clientOptions, ...wiring } as unknown as Options),
      options,
    );
}
