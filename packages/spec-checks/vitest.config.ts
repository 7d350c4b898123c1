// The gates run real tools (Redocly, Spectral, tsc, git, pnpm) over real files: generous timeouts, and
// one file at a time on a 2-core machine so each tool gets a core.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
