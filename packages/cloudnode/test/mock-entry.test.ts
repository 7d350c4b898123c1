// The built `cloudnode/mock` entry (ESM and CJS) serves this package's spec with this package's client.
import { sdkPackage } from "@repo/testkit/package";
import { mockEntrySuite } from "@repo/testkit/mock-entry-suite";

mockEntrySuite(sdkPackage(new URL("..", import.meta.url).pathname));
