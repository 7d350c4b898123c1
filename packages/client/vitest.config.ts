// Client tests: behaviour tests (*.test.ts) and type tests of the method types (*.test-d.ts). Every file
// in one worker without re-importing the modules they share (isolate: false): imports were most of their cost.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    isolate: false,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
