// The gates run real tools (Redocly, Spectral, tsc, git, pnpm) over real files: generous timeouts, and
// one file at a time on a 2-core machine so each tool gets a core.
import { defineConfig } from "vitest/config";

/** The run's temporary files in one folder, removed when it ends (scripts/config/scratch-tmp.mjs). */
const SCRATCH_TMP = "../../scripts/config/scratch-tmp.mjs";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: [SCRATCH_TMP],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
