// The bin as npm installs it (packed, unpacked into a fresh node_modules, run through its .bin link),
// and the bin's message when the package is not built: the shared suite, with this package's values.
import { cliPackageSuite, sdkPackage } from "@repo/testkit/sdk-suites";

cliPackageSuite(sdkPackage(new URL("..", import.meta.url).pathname), { token: "cn_test_cliPackageSecret6Tt1" });
