// The `__NAME__` bin (dist/cli.js, spawned as a user runs it) against the Prism mock: every operation
// of the spec runs once from the model's example params with no request violation; help lists them all.
import { commandName } from "@repo/model";
import { builtBinHarness, sdkPackage } from "@repo/testkit/package";
import { cliOperationsSuite } from "@repo/testkit/cli-operations-suite";
import { expect, it } from "vitest";

const pkg = sdkPackage(new URL("..", import.meta.url).pathname);
const token = "__NAME___test_cliOperationsSecret4Kp9";
const cli = builtBinHarness(pkg, token);

cliOperationsSuite(pkg, cli, { token, tokenVia: "env" });

it("--help lists every command with its summary", async () => {
  const { code, stdout } = await cli.run(["--help"]);
  expect(code).toBe(0);
  const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // a long command name has its summary on the next line, a long summary wraps: any whitespace between words
  const words = (text: string) => text.split(/\s+/).filter(Boolean).map(quote).join("\\s+");
  for (const op of pkg.model.operations) expect(stdout).toMatch(new RegExp(`${quote(commandName(op))}\\s+${words(op.summary)}`));
});
