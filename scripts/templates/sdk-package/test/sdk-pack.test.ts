// The package as published (packed, installed with npm outside the workspace, imported and required)
// against the Prism mock: the shared suite, with the calls it derives from the model (its login
// operation, or the first call that needs no parameter).
import { sdkPackage } from "@repo/testkit/package";
import { derivedPackUsage, sdkPackSuite } from "@repo/testkit/sdk-pack-suite";

const pkg = sdkPackage(new URL("..", import.meta.url).pathname);

sdkPackSuite(pkg, derivedPackUsage(pkg, "__NAME___test_packSecret7Hq2"));
