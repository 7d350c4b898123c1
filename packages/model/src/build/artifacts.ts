// One API's bundle and model built straight from spec/<api>/, for the packages that work on every API
// (the mocks, the gates, the engine's tests) without depending on each SDK package's build: the list
// of APIs is spec/, so a new API needs no edit there. Cached by a hash of the inputs.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { isMap, parseDocument } from "yaml";
import type { ApiModel, Json } from "../api-model.js";
import { buildModel } from "./build-model.js";
import { bundleSpec, specHash } from "./bundle.js";
import { servedBundle } from "./served-bundle.js";
import { assertApi, repoRoot } from "./workspace.js";

const cacheRoot = join(repoRoot, "node_modules", ".cache", "api-artifacts");

/** Every file under `dir` (sorted). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** redocly.yaml as far as it concerns `api`: without the other APIs' entries, so adding an API rebuilds no other. */
function redoclyConfigOf(api: string): string {
  const config = parseDocument(readFileSync(join(repoRoot, "redocly.yaml"), "utf8"));
  const apis = config.get("apis");
  if (isMap(apis)) {
    apis.items = apis.items.filter((entry) => String(isMap(entry.value) ? entry.value.get("root") : "").startsWith(`spec/${api}/`));
  }
  return config.toString();
}

/**
 * A hash of everything an API's derived files are made from: its spec folder, the model builder, the
 * lint config and plugins, plus `extraDirs` (repository-relative, e.g. the docs theme).
 */
export function inputStamp(api: string, extraDirs: string[] = []): string {
  const hash = createHash("sha256");
  hash.update("redocly.yaml\0").update(redoclyConfigOf(api)).update("\0");
  const shared = ["packages/model/src", "redocly-plugins", ...extraDirs].flatMap((dir) => filesUnder(join(repoRoot, dir)));
  for (const file of [...shared, ...filesUnder(join(repoRoot, "spec", api))]) {
    hash.update(file.slice(repoRoot.length)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export interface ApiArtifacts {
  /** The bundled spec as written (`openapi.json`), every example in it: what the gates lint and check. */
  bundleFile: string;
  /** The bundle the mocks serve (`served/openapi.json`): an answer example that breaks its schema left out, as in the SDK's. */
  servedFile: string;
  /** The model (`served/model.json`), next to the served bundle as the stateful mock expects. */
  modelFile: string;
  /** The served bundle, parsed. */
  doc(): Json;
  model(): ApiModel;
}

/**
 * The bundle and model of `api`, built into node_modules/.cache/api-artifacts/<api>/<stamp>/ on first
 * use. Parallel test workers may race: each builds into its own folder and the first rename wins.
 */
export function apiArtifacts(api: string): ApiArtifacts {
  assertApi(api);
  const dir = join(cacheRoot, api, inputStamp(api).slice(0, 16));
  const bundleFile = join(dir, "openapi.json");
  const servedFile = join(dir, "served", "openapi.json");
  const modelFile = join(dir, "served", "model.json");
  if (!existsSync(modelFile)) {
    const work = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(join(work, "served"), { recursive: true });
    // what the SDK's generated bundle serves (generate.ts): no header the client sets itself, no answer
    // example that breaks its schema
    const { doc } = servedBundle(bundleSpec(api, join(work, "openapi.json")));
    const served = `${JSON.stringify(doc, null, 2)}\n`;
    writeFileSync(join(work, "served", "openapi.json"), served);
    const model = buildModel(api, doc, { specHash: specHash(served) });
    writeFileSync(join(work, "served", "model.json"), `${JSON.stringify(model, null, 2)}\n`);
    try {
      renameSync(work, dir);
    } catch {
      rmSync(work, { recursive: true, force: true }); // another worker got there first
    }
    // builds of earlier inputs (and leftovers of interrupted ones) are stale now: one build per API stays
    for (const entry of readdirSync(join(cacheRoot, api))) {
      if (!entry.startsWith(basename(dir))) rmSync(join(cacheRoot, api, entry), { recursive: true, force: true });
    }
  }
  return {
    bundleFile,
    servedFile,
    modelFile,
    doc: () => JSON.parse(readFileSync(servedFile, "utf8")),
    model: () => JSON.parse(readFileSync(modelFile, "utf8")) as ApiModel,
  };
}
