import { sdkTests } from "../../scripts/config/vitest.sdk.mjs";

export default sdkTests();
