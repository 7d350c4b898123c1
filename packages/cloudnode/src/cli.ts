#!/usr/bin/env node
// The `cloudnode` command: the generic CLI engine (@repo/cli) driven by this API's model and client.
import { fileURLToPath } from "node:url";
import { runCli } from "@repo/cli";
import { model } from "../generated/cli-model.js";
import packageJson from "../package.json" with { type: "json" };
import { ApiClient } from "./index.js";

process.exitCode = await runCli({
  model,
  createClient: (token, options) => new ApiClient(token, options),
  specFile: fileURLToPath(new URL("../generated/openapi.json", import.meta.url)),
  version: packageJson.version,
  // loaded only when `mcp`, `mock` or `--mock` runs, so every other command starts without them
  mcp: () => import("@repo/mcp/command"),
  mock: () => import("@repo/mock-server/cli-host"),
});
