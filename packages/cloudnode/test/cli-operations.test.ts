// The `cloudnode` bin (dist/cli.js, spawned as a user runs it) against the Prism mock: every operation
// of the spec runs once from the model's example params with no request violation; help lists them all.
import { commandName } from "@repo/model";
import { builtBinHarness, sdkPackage } from "@repo/testkit/package";
import { cliOperationsSuite } from "@repo/testkit/cli-operations-suite";
import { expect, it } from "vitest";

const pkg = sdkPackage(new URL("..", import.meta.url).pathname);
const { model } = pkg;
const token = "token_cliOperationsSecret4Kp9";
const cli = builtBinHarness(pkg, token);

cliOperationsSuite(pkg, cli, { token, tokenVia: "env" });

it("--help lists every command with its summary", async () => {
  const { code, stdout } = await cli.run(["--help"]);
  expect(code).toBe(0);
  for (const op of model.operations) expect(stdout).toMatch(new RegExp(`${commandName(op)} +${op.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  expect(stdout).toMatch(/login +Check a token with `auth\/check`/);
});
