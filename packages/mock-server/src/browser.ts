// What runs in a page (no Node built-ins, no Prism): the simulator and its in-process hosts, put
// together from a spec and model the page already has. Unjudged: Prism's validators run in Node only.
export { assembleMock, type CreateMockOptions, type InProcessMock } from "./assemble.js";
export { createClock, type MockClock } from "./clock.js";
export type { FaultKind, FaultOptions } from "./faults.js";
export type { LatencyOptions } from "./latency.js";
export type { MswModule } from "./msw-handlers.js";
