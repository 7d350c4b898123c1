// The built `__NAME__/mock` entry (ESM and CJS) serves this package's spec with this package's client.
import { mockEntrySuite, sdkPackage } from "@repo/testkit/sdk-suites";

mockEntrySuite(sdkPackage(new URL("..", import.meta.url).pathname));
