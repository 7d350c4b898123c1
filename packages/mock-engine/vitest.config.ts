// Engine tests: the core against the real bundles of spec/, no server needed.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["test/**/*.test.ts"] } });
