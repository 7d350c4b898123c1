// The simulator in process (`createMock()` of cloudnexus/mock): no port, Prism judging every answer, the
// manual clock, latency and seeded faults through the SDK's retries, MSW's setupServer: the shared suite.
import { sdkPackage } from "@repo/testkit/package";
import { inProcessMockSuite } from "@repo/testkit/in-process-suite";
import { ApiClient, ApiError, ConnectionError, TimeoutError } from "../src/index.js";
import { createMock } from "../src/mock.js";

inProcessMockSuite(sdkPackage(new URL("..", import.meta.url).pathname), {
  createMock,
  sdk: { ApiClient, ApiError, ConnectionError, TimeoutError },
  token: "cloudnexus_test_inProcessSecret7Qx2",
});
