// One shape for what a gate found, and one way to print it: each line says where and what to fix.

export interface Finding {
  /** File (relative to the repo root) and JSON pointer or line of the problem. */
  where: string;
  /** The rule or check that found it. */
  rule: string;
  /** What is wrong and what to do. */
  message: string;
}

/** The text a failing gate shows: a heading that names the gate and the fix, then one line per finding. */
export function formatFindings(gate: string, howToFix: string, findings: readonly Finding[]): string {
  const lines = findings.map((f) => `  - ${f.where} [${f.rule}] ${f.message}`);
  return `${gate}: ${findings.length} problem(s). ${howToFix}\n${lines.join("\n")}`;
}

/** Throws the formatted findings when there are any, so a test failure reads as a to-do list. */
export function assertClean(gate: string, howToFix: string, findings: readonly Finding[]): void {
  if (findings.length > 0) throw new Error(formatFindings(gate, howToFix, findings));
}
