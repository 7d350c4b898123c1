// How the mock and the contract proxy print an exchange: one concise line per request, and the
// spec violations underneath, impossible to miss.
import { styleText } from "node:util";
import type { Exchange } from "./exchange-recorder.js";
import { describeViolation } from "./violations.js";

export interface ReportStyle {
  /** Colour the output (for a terminal). */
  color?: boolean;
  /** The note printed after the count when the request broke the spec (e.g. "not forwarded"). */
  requestNote?: string;
}

/** `GET /instances?page=2 → 200 instances.list`, plus one `✖ …` line per violation. */
export function formatExchange(exchange: Exchange, style: ReportStyle = {}): string[] {
  const paint = (format: Parameters<typeof styleText>[0], text: string) => (style.color ? styleText(format, text) : text);
  const operation = exchange.operationId ?? "(no operation in the spec)";
  const answered = exchange.fault === "reset" || exchange.fault === "timeout" ? `${exchange.fault}` : String(exchange.status);
  const extra = [exchange.fault !== undefined && "fault", exchange.latency && `+${exchange.latency} ms`].filter(Boolean).join(", ");
  const head = `${exchange.method.padEnd(6)} ${exchange.path} → ${answered} ${operation}${extra ? ` (${extra})` : ""}`;
  if (exchange.violations.length === 0) return [`  ${head}`];
  const count = exchange.violations.length;
  const requestBroken = exchange.violations.some((violation) => violation.side === "request");
  const reason = exchange.rejected ? "rejected with 422: strict mode" : requestBroken ? style.requestNote : undefined;
  const note = reason ? ` (${reason})` : "";
  return [
    paint(["red", "bold"], `✖ ${head} — ${count} spec violation${count === 1 ? "" : "s"}${note}:`),
    ...exchange.violations.map((violation) => paint("red", `    ✖ ${describeViolation(violation)}`)),
  ];
}
