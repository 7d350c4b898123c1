// Client tests: behaviour tests (*.test.ts); the type tests of the method types (*.test-d.ts) are checked
// by the package's typecheck task (tsc), which includes them. Every file in one worker without
// re-importing the modules they share (isolate: false): imports were most of their cost.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    isolate: false,
  },
});
