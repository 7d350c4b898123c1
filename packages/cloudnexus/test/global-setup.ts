import { mockGlobalSetup } from "@repo/mock-server/repo";

// The shared mock of the example-driven suites (every operation with the spec's examples, the CLI, the
// packed package) is the static one: each expects the spec's example whatever ran before it. Stateful
// behaviour is proven by stateful-resources.test.ts (and any suite of the package's own), whose mocks
// have state of their own.
export default mockGlobalSetup("cloudnexus", { mode: "static" });
