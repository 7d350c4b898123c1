// The stateful mock (`startMock()` of __NAME__/mock) keeps what the SDK creates, for every resource the
// model infers from the spec, and Prism judges every answer: the shared suite.
import { sdkPackage } from "@repo/testkit/package";
import { statefulMockSuite } from "@repo/testkit/stateful-suite";
import { startMock } from "../src/mock.js";

statefulMockSuite(sdkPackage(new URL("..", import.meta.url).pathname), { startMock, token: "__NAME___test_statefulSecret5Lw3" });
