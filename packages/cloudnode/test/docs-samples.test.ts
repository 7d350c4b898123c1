// The docs' code samples of every operation (curl, TypeScript SDK, CLI, Python, JavaScript), run
// against this package's build and the Prism mock: the shared suite.
import { docsSamplesSuite } from "@repo/docs/samples-suite";
import { sdkPackage } from "@repo/testkit/package";

docsSamplesSuite(sdkPackage(new URL("..", import.meta.url).pathname), { token: "cloudnode_test_docsSamplesSecret3Vn5" });
