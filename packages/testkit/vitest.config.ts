// The generator's end-to-end tests: a fixture spec through the model, client, CLI, MCP server and mock.
// Every file in one worker without re-importing the modules they share (isolate: false).
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], isolate: false, testTimeout: 20_000, hookTimeout: 60_000 } });
