// The generator's end-to-end tests: a fixture spec through the model, client, CLI, MCP server and mock.
// Every file in one worker without re-importing the modules they share (isolate: false).
import { defineConfig } from "vitest/config";

/** The run's temporary files in one folder, removed when it ends (scripts/config/scratch-tmp.mjs). */
const SCRATCH_TMP = "../../scripts/config/scratch-tmp.mjs";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], globalSetup: [SCRATCH_TMP], isolate: false, testTimeout: 20_000, hookTimeout: 60_000 } });
