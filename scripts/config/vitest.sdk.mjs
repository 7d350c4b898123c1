// Test set-up of every SDK package: tests run on sources, against the API's Prism mock.
import { defineConfig } from "vitest/config";

export const sdkTests = () =>
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      globalSetup: ["./test/global-setup.ts"],
      typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  });
