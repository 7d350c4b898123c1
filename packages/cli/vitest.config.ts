// Unit tests of one package: every file in one worker without re-importing the modules they share
// (isolate: false), which is most of their cost; no test here changes a module's state for another.
import { defineConfig } from "vitest/config";

/** The run's temporary files in one folder, removed when it ends (scripts/config/scratch-tmp.mjs). */
const SCRATCH_TMP = "../../scripts/config/scratch-tmp.mjs";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], globalSetup: [SCRATCH_TMP], isolate: false } });
