// What the engine's stage tests share: the real CloudNexus and Cloudnode bundles and models, a fake
// clock, and engine.handle() called directly, no server.
import { apiArtifacts } from "@repo/model/build";
import { createEngine, type EngineModel, type EngineOptions } from "../src/index.js";

export type Json = any;

/** The bundle and model of spec/<api>/, built the way the SDK packages build them. */
const load = (api: string): [Json, EngineModel] => {
  const artifacts = apiArtifacts(api);
  return [artifacts.doc(), artifacts.model()];
};
export const [nexus, nexusModel] = load("cloudnexus");
export const [node, nodeModel] = load("cloudnode");

export const START = Date.parse("2025-06-01T12:00:00.000Z");
/** A seeded instance of the spec (running): the one the actions work on. */
export const INSTANCE = "inst_29f8b3a1";
export const createBody = { name: "web-1", region: "fra1", plan: "s-1vcpu-1gb", image: "ubuntu-24-04" };

/** An engine on a fake clock; `call("POST /path?query", { headers, body })` with a bearer token by default. */
export function setup(options: EngineOptions = {}, [doc, model] = [nexus, nexusModel] as [Json, EngineModel]) {
  let t = START;
  const engine = createEngine(doc, model, { now: () => t, ...options });
  const call = (request: string, { headers = {}, body }: { headers?: Record<string, string>; body?: Json } = {}) => {
    const [method, target] = request.split(" ") as [string, string];
    const [path, search] = target.split("?") as [string, string | undefined];
    return engine.handle({ method, path, query: new URLSearchParams(search ?? ""), headers: { authorization: "Bearer cn_test_x", ...headers }, body });
  };
  return { engine, call, advance: (ms: number) => void (t += ms), now: () => t };
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const pattern = (schema: string) => new RegExp(nexus.components.schemas[schema].pattern);
