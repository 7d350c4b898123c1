// Engine tests: the core against the real bundles of spec/, no server needed. Every file in one worker
// without re-importing the modules they share (isolate: false): imports were most of their cost.
import { defineConfig } from "vitest/config";

/** The run's temporary files in one folder, removed when it ends (scripts/config/scratch-tmp.mjs). */
const SCRATCH_TMP = "../../scripts/config/scratch-tmp.mjs";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], globalSetup: [SCRATCH_TMP], isolate: false } });
