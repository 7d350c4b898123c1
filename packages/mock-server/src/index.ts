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
