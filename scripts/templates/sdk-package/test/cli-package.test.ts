// The bin as npm installs it (packed, unpacked into a fresh node_modules, run through its .bin link),
// and the bin's message when the package is not built: the shared suite, with this package's values.
import { sdkPackage } from "@repo/testkit/package";
import { cliPackageSuite } from "@repo/testkit/cli-package-suite";

cliPackageSuite(sdkPackage(new URL("..", import.meta.url).pathname), { token: "__NAME___test_cliPackageSecret6Tt1" });
