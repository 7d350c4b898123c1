export {
  freePort,
  PRISM_VERSION,
  PrismMissingError,
  resolvePrismCli,
  startPrism,
  type PrismOptions,
  type RunningPrism,
} from "./prism.js";
export { serveMock, type ServeMockOptions, type ServedMock } from "./serve.js";
export {
  parseTarget,
  startContractCheck,
  summarizeContract,
  type ContractCheckOptions,
  type ContractReport,
  type RunningContractCheck,
} from "./contract.js";
export type { Exchange } from "./exchange-recorder.js";
export type { Violation } from "./violations.js";
export { operationMatcher } from "./operations.js";
export { sdkMock, startMockServer, type MockClientOptions, type MockRequest, type MockServer, type SdkClientClass, type StartMockOptions } from "./start-mock.js";
export { startStatefulMock, type StatefulMock, type StatefulMockOptions } from "./stateful.js";
export { createInProcessMock, sdkCreateMock, type CreateMockOptions, type InProcessMock } from "./in-process.js";
export { assembleMock } from "./assemble.js";
export { createClock, durationMs, type Duration, type MockClock } from "./clock.js";
export { FAULT_KINDS, faultKinds, type FaultKind, type FaultOptions } from "./faults.js";
export { parseDelay, type Delay, type LatencyOptions } from "./latency.js";
export { createSimulator, type Outcome, type SimRequest, type Simulator, type SimulatorOptions } from "./simulator.js";
export { simulatorFetch, serverUrls, type SimulatorFetch } from "./fetch-host.js";
export { mswHandlers, type MswModule } from "./msw-handlers.js";
export { loadJudge, loadPrismCliJudge, type Judge, type Verdict } from "./judge.js";
