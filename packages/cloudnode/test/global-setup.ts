import { mockGlobalSetup } from "@repo/mock";

export default mockGlobalSetup("cloudnode");
