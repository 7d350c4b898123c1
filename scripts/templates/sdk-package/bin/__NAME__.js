#!/usr/bin/env node
// The `__NAME__` command. It runs dist/cli.js, which `pnpm build` bundles from src/cli.ts; this file is
// committed so package managers can link the bin before the first build.
import("../dist/cli.js").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli.js")) {
    console.error("__NAME__ is not built yet: run `pnpm build` (dist/cli.js is missing).");
    process.exit(1);
  }
  throw error;
});
