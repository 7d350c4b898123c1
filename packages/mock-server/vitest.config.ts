// These tests start real Prism processes (and one installs a packed SDK with npm): generous ceilings, so a
// busy machine slows them down instead of failing them. One worker runs every file without re-importing
// the modules they share (isolate: false).
import { defineConfig } from "vitest/config";

/** The run's temporary files in one folder, removed when it ends (scripts/config/scratch-tmp.mjs). */
const SCRATCH_TMP = "../../scripts/config/scratch-tmp.mjs";

export default defineConfig({
  test: { include: ["test/**/*.test.ts"], globalSetup: [SCRATCH_TMP], isolate: false, testTimeout: 60_000, hookTimeout: 120_000 },
});
