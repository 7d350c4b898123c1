// Engine tests: the core against the real bundles of spec/, no server needed. Every file in one worker
// without re-importing the modules they share (isolate: false): imports were most of their cost.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], isolate: false } });
