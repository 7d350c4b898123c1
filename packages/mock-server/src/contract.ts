// Contract checking of a real server: Prism's validation proxy (`prism proxy --errors`) stands in
// front of it, and every request or response that breaks the spec is reported and remembered.
import { readFileSync } from "node:fs";
import { startRecorder, type Exchange } from "./exchange-recorder.js";
import { operationMatcher } from "./operations.js";
import { startPrism } from "./prism.js";
import { formatExchange } from "./exchange-log.js";

export interface ContractCheckOptions {
  /** The bundled spec (JSON) the server must follow. */
  specFile: string;
  /** Base URL of the server under test, e.g. http://127.0.0.1:8080/v1. */
  target: string;
  /** Port of the checking proxy; a free one when omitted. */
  port?: number;
  host?: string;
  /** Where each log line goes (default: stdout). */
  log?: (line: string) => void;
  color?: boolean;
  resolveFrom?: string;
}

export interface ContractReport {
  /** How many requests went through the proxy. */
  exchanges: number;
  /** The exchanges that broke the spec, in order. */
  failures: Exchange[];
}

export interface RunningContractCheck {
  /** Point the client (tests, SDK, curl) at this URL instead of the server. */
  url: string;
  /** What was seen so far. */
  report(): ContractReport;
  /** Stops the proxy and returns the final report. */
  stop(): Promise<ContractReport>;
}

/** Checks that `target` is an absolute http(s) URL, with a message that says what is expected. */
export function parseTarget(target: string | undefined): string {
  let url: URL | undefined;
  try {
    url = target ? new URL(target) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new Error(`--target must be the base URL of the server to check, e.g. --target http://127.0.0.1:8080 (got ${JSON.stringify(target ?? "")}).`);
  }
  return url.href.replace(/\/$/, "");
}

export async function startContractCheck(options: ContractCheckOptions): Promise<RunningContractCheck> {
  const target = parseTarget(options.target);
  const spec = JSON.parse(readFileSync(options.specFile, "utf8"));
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const style = { color: options.color ?? Boolean(process.stdout.isTTY), requestNote: "not forwarded" };
  const prism = await startPrism(options.specFile, {
    upstream: target,
    errors: true,
    ...(options.resolveFrom ? { resolveFrom: options.resolveFrom } : {}),
  });
  const seen: Exchange[] = [];
  const report = (): ContractReport => ({ exchanges: seen.length, failures: seen.filter((e) => e.violations.length > 0) });
  try {
    const front = await startRecorder({
      prismUrl: prism.url,
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 0,
      nameOperation: operationMatcher(spec),
      onExchange: (exchange) => {
        seen.push(exchange);
        for (const line of formatExchange(exchange, style)) log(line);
      },
    });
    let stopped: Promise<ContractReport> | undefined;
    return {
      url: front.url,
      report,
      stop: () => (stopped ??= Promise.all([front.close(), prism.stop()]).then(report)),
    };
  } catch (error) {
    await prism.stop();
    throw error;
  }
}

/** The closing lines: how many exchanges, how many broke the spec, and which operations. */
export function summarizeContract(report: ContractReport): string[] {
  if (report.exchanges === 0) return ["No request went through the contract proxy: nothing was checked."];
  if (report.failures.length === 0) return [`✔ ${report.exchanges} exchange(s) checked, all follow the spec.`];
  const names = [...new Set(report.failures.map((e) => e.operationId ?? `${e.method} ${e.path.split("?")[0]}`))];
  return [
    `✖ ${report.failures.length} of ${report.exchanges} exchange(s) violate the spec: ${names.join(", ")}.`,
  ];
}
