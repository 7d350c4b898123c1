// What runs in a page (no Node built-ins): the simulator and its in-process hosts, put together from a
// spec and model the page already has, and Prism's judge for it: `assembleMock(spec, model, { judge:
// createBrowserJudge(spec) })`. The judge's code (Prism's, built for the browser) loads on first use.
export { assembleMock, type CreateMockOptions, type InProcessMock } from "./assemble.js";
export { createBrowserJudge } from "./browser-judge.js";
export { createClock, type MockClock } from "./clock.js";
export type { Exchange } from "./exchange-recorder.js";
export type { FaultKind, FaultOptions } from "./faults.js";
export type { Answer, Judge, PrismDiagnostic, PrismProblem, PrismRequest, PrismResponse, Verdict } from "./judge-core.js";
export type { LatencyOptions } from "./latency.js";
export type { MswModule } from "./msw-handlers.js";
