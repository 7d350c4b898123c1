// Every operation of the spec through the SDK's generated methods against the Prism mock (the shared
// suite reads the operations from generated/model.json and generated/openapi.json).
import { sdkOperationsSuite, sdkPackage } from "@repo/testkit/sdk-suites";
import { ApiClient } from "../src/index.js";

sdkOperationsSuite(sdkPackage(new URL("..", import.meta.url).pathname), { ApiClient, token: "cn_test_4eC39HqLyjWDarjtT1zdp7dc" });
