import { sdkBuild } from "../../scripts/config/tsup.sdk.mjs";

export default sdkBuild();
