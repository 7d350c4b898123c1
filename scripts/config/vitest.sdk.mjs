// Test set-up of every SDK package: tests run on sources, against the API's Prism mock. The type tests
// (*.test-d.ts) are in the package's tsconfig, so its `typecheck` task (tsc) checks them: vitest's own
// typecheck mode would run tsc a second time. Files share one module graph per worker (isolate: false):
// importing the SDK, the CLI engine and Prism was most of each file's cost, and no file keeps global state.
import { defineConfig } from "vitest/config";

export const sdkTests = () =>
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      // the run's temporary files in one folder, removed when it ends; then the API's Prism mock
      globalSetup: ["../../scripts/config/scratch-tmp.mjs", "./test/global-setup.ts"],
      isolate: false,
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  });
