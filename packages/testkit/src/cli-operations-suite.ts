// Every operation of the model through the package's CLI bin against the Prism mock, together covering
// every operationId.
import { afterAll, describe, expect, inject, it } from "vitest";
import { cliArgs } from "@repo/cli";
import { commandName } from "@repo/model";
import { expectDeclaredStatus } from "./answer-status.js";
import { parseHead, type Harness } from "./bin-harness.js";
import type { SdkPackage, SuiteOperation } from "./package.js";

/**
 * Every operation of the model through the package's CLI (`cli` runs its bin) against the Prism mock,
 * from the model's example params (plus `extraParams(op)`): each exits 0 with its success status, no
 * request violation and a JSON body; together they cover every operationId. The token is sent by
 * the model's env variable (`tokenVia: "env"`) or by `--token`.
 */
export function cliOperationsSuite(
  pkg: SdkPackage,
  cli: Harness,
  options: { token: string; tokenVia: "env" | "flag"; extraParams?: (op: SuiteOperation) => Record<string, unknown> },
): void {
  describe(`every operation through the ${pkg.name} CLI`, () => {
    const exercised = new Set<string>();

    it.each(pkg.model.operations.map((op) => [commandName(op), op] as const))("%s", async (_name, op) => {
      const params = { ...options.extraParams?.(op), ...op.exampleParams };
      const args = [...cliArgs(op, params), "--include", "--base-url", inject("mockUrl")];
      const result =
        options.tokenVia === "flag"
          ? await cli.run([...args, "--token", options.token])
          : await cli.run(args, { env: { [pkg.model.env.token]: options.token } });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const { status, headers, body } = parseHead(result.stdout);
      expect(headers.get("sl-violations")).toBeUndefined();
      expectDeclaredStatus(op, status);
      if (op.successStatus && op.responses[op.successStatus]?.hasBody) expect(() => JSON.parse(body)).not.toThrow();
      exercised.add(op.operationId);
    });

    afterAll(() => {
      expect([...exercised].sort()).toEqual(pkg.model.operations.map((op) => op.operationId).sort());
    });
  });
}
