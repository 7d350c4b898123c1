// Which status an operation's call may answer in the suites. An operation with a success answer (an exact
// 2xx) must get exactly that one. One without (it declares a 2XX range, only a `default`, a redirect) must
// get a status it declares: exactly, by its range, or through its `default`. (One that declares only error
// answers is left out of the SDK, CLI and MCP by the model build: a call could only fail.)
import { expect } from "vitest";
import type { SuiteOperation } from "./package.js";

type Declared = Pick<SuiteOperation, "successStatus" | "responses">;

/** Whether `status` is an answer `op` declares: its success status when it has one, else any it declares. */
export function isDeclaredStatus(op: Declared, status: number | string): boolean {
  const code = String(status);
  if (op.successStatus) return code === op.successStatus;
  const declared = Object.keys(op.responses).map((key) => key.toUpperCase());
  return declared.includes(code) || declared.includes(`${code[0]}XX`) || declared.includes("DEFAULT");
}

/** Asserts `status` is one `op` declares, naming the expected status in the failure. */
export function expectDeclaredStatus(op: Declared & { operationId: string }, status: number | string): void {
  if (op.successStatus) expect(String(status), `${op.operationId}'s success status`).toBe(op.successStatus);
  else expect(isDeclaredStatus(op, status), `${op.operationId} answered ${status}, which it does not declare (${Object.keys(op.responses).join(", ")})`).toBe(true);
}
