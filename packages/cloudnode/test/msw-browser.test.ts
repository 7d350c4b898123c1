// The simulator in a real page: MSW's setupWorker answering a plain fetch to the API's real base URL
// from the engine bundled for the browser: the shared suite.
import { sdkPackage } from "@repo/testkit/package";
import { mswBrowserSuite } from "@repo/testkit/msw-browser-suite";

mswBrowserSuite(sdkPackage(new URL("..", import.meta.url).pathname), "cloudnode_test_browserSecret4Kd8");
