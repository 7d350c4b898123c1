import { defineConfig } from "vitest/config";

/** The run's temporary files in one folder, removed when it ends (scripts/config/scratch-tmp.mjs). */
const SCRATCH_TMP = "../../scripts/config/scratch-tmp.mjs";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], globalSetup: [SCRATCH_TMP] } });
