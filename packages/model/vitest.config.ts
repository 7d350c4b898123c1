// Unit tests of one package: every file in one worker without re-importing the modules they share
// (isolate: false), which is most of their cost; no test here changes a module's state for another.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["test/**/*.test.ts"], isolate: false } });
