// Every operation of the spec through the SDK's generated methods against the Prism mock (the shared
// suite reads the operations from generated/model.json and generated/openapi.json).
import { sdkPackage } from "@repo/testkit/package";
import { sdkOperationsSuite } from "@repo/testkit/sdk-operations-suite";
import { ApiClient } from "../src/index.js";

sdkOperationsSuite(sdkPackage(new URL("..", import.meta.url).pathname), { ApiClient, token: "cn_test_4eC39HqLyjWDarjtT1zdp7dc" });
