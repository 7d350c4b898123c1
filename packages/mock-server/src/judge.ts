// Prism as a judge in Node: its router and validators from the build of them this package makes
// (dist/prism-node.js, copied beside an SDK's `<api>/mock` entry, so an installed SDK needs no Prism
// install and no overrides), and the same parts loaded from an installed prism-cli, the reference the
// corpus test compares with. judge-core.ts makes the judge of either; browser-judge.ts is the page's.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { prismJudge, type CreatePrismInstance, type Judge } from "./judge-core.js";
import { resolvePrismCli } from "./prism.js";

export type { Answer, Judge, PrismDiagnostic, PrismProblem, PrismRequest, PrismResponse, Verdict } from "./judge-core.js";

interface PrismModules {
  /** Prism's HTTP instance (router + validators) with our components (logger, forward, mock). */
  createInstance: CreatePrismInstance;
  getHttpOperationsFromSpec: (file: string) => Promise<unknown[]>;
}

const loaded = new Map<string, PrismModules>();
const parsed = new Map<string, Promise<unknown[]>>();

/**
 * Loads the parts of Prism that route and validate (its mocker, forwarder and HTTP server are not
 * needed: loading them triples the start-up time), from the Prism installed next to this package.
 */
function prismModules(resolveFrom?: string): PrismModules {
  const cli = resolvePrismCli(resolveFrom);
  const cached = loaded.get(cli);
  if (cached) return cached;
  const fromCli = createRequire(cli);
  const httpDir = dirname(fromCli.resolve("@stoplight/prism-http/package.json"));
  const fromHttp = createRequire(join(httpDir, "package.json"));
  let modules: PrismModules;
  try {
    const { factory } = fromHttp("@stoplight/prism-core");
    const { validateInput, validateOutput, validateSecurity } = fromHttp(join(httpDir, "dist/validator/index.js"));
    const route = fromHttp(join(httpDir, "dist/router/index.js")).default;
    const { getHttpOperationsFromSpec } = fromHttp(join(httpDir, "dist/utils/operations.js"));
    if (![factory, validateInput, validateOutput, validateSecurity, route, getHttpOperationsFromSpec].every((f) => typeof f === "function")) throw new Error("layout changed");
    modules = {
      createInstance: (config, components) => factory(config, { route, validateInput, validateOutput, validateSecurity, ...components }),
      getHttpOperationsFromSpec,
    };
  } catch {
    // another Prism release laid its files out differently: its public entry has everything, only slower to load
    const http = fromHttp("@stoplight/prism-http");
    modules = { createInstance: http.createInstance, getHttpOperationsFromSpec: http.getHttpOperationsFromSpec };
  }
  loaded.set(cli, modules);
  return modules;
}

const built = new Map<string, unknown[]>();

/** Prism's judge of `specFile` (a bundled JSON spec, read once per process and version of the file), from the built parts. */
export async function loadJudge(specFile: string): Promise<Judge> {
  const prism = await import("@repo/mock-server/prism-node").catch((error: unknown) => {
    // in this repository before `pnpm build` (an SDK ships the file): say what to do, not which file is missing
    if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new Error("Prism's judge is not built yet: run `pnpm build` (@repo/mock-server's dist/prism-node.js is missing).");
  });
  const version = `${specFile}\n${statSync(specFile).mtimeMs}`;
  let operations = built.get(version);
  if (!operations) built.set(version, (operations = prism.operationsOf(JSON.parse(readFileSync(specFile, "utf8")))));
  return prismJudge(prism.createInstance, operations);
}

/** Prism's judge of `specFile` as an installed prism-cli runs it (its own modules and spec reader). */
export async function loadPrismCliJudge(specFile: string, resolveFrom?: string): Promise<Judge> {
  const prism = prismModules(resolveFrom);
  // parsed once per file and version of it (a rebuilt bundle is read again)
  const version = `${specFile}\n${statSync(specFile).mtimeMs}`;
  let operations = parsed.get(version);
  if (!operations) parsed.set(version, (operations = prism.getHttpOperationsFromSpec(specFile)));
  return prismJudge(prism.createInstance, await operations);
}
