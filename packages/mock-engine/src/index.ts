// The stateful mock engine (see engine.ts); bundled into each SDK's `<api>/mock` entry, never its client.
export { createEngine, type Engine, type EngineOptions, type EngineRequest, type EngineResponse, type RateLimitOptions } from "./engine.js";
export { FixtureError, type Fixtures } from "./fixtures.js";
export type { EngineModel } from "./model.js";
export { seededRandom } from "./random.js";
