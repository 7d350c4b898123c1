// The docs' code samples of every operation (curl, TypeScript SDK, CLI, Python, JavaScript), run
// against this package's build and the Prism mock: the shared suite.
import { docsSamplesSuite } from "@repo/runtime/testing/docs-samples";
import { sdkPackage } from "@repo/runtime/testing/sdk-suites";

docsSamplesSuite(sdkPackage(new URL("..", import.meta.url).pathname), { token: "cloudnexus_test_docsSamplesSecret3Vn5" });
