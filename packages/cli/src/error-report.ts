// How a failed command ends: one clear message on stderr and its exit code; a stack trace only with --verbose.
import { ApiError, ConnectionError, InvalidResponseError } from "@repo/client";
import type { Output } from "./output.js";
import { CliFailure, ExitCode, UsageError } from "./usage-error.js";

/** Prints `error` and returns the exit code: 2 usage, 1 API, connection or other failure. */
export function reportError(error: unknown, output: Output, bin: string, verbose: boolean): number {
  const stack = () => verbose && error instanceof Error && error.stack && output.err(`${error.stack}\n`);
  if (error instanceof UsageError) {
    output.err(`Error: ${error.message}\n`);
    if (error.hint) output.err(`${error.hint}\n`);
    return ExitCode.usage;
  }
  if (error instanceof ApiError) {
    output.err(`Error: the API answered ${error.message}\n`);
    for (const detail of Array.isArray(error.details) ? error.details : []) output.err(`  - ${formatDetail(detail)}\n`);
    // the message names the request id already when the body carries it; a header-only id is added here
    if (error.requestId && !error.message.includes(error.requestId)) output.err(`Request id: ${error.requestId}\n`);
    if (verbose) output.err(`Body: ${JSON.stringify(error.body)}\n`);
    stack();
    return ExitCode.apiError;
  }
  if (error instanceof ConnectionError || error instanceof InvalidResponseError || error instanceof CliFailure) {
    output.err(`Error: ${error.message}\n`);
    stack();
    return ExitCode.apiError;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`Error: ${message}\n`);
  if (verbose) stack();
  else output.err(`Run with --verbose for details, or report it if it looks like a bug in ${bin}.\n`);
  return ExitCode.apiError;
}

/** A field problem (`{ field, reason }`) as `field: reason`, anything else as JSON. */
function formatDetail(detail: unknown): string {
  if (detail && typeof detail === "object") {
    const { field, reason, message } = detail as Record<string, unknown>;
    const text = reason ?? message;
    if (typeof text === "string") return typeof field === "string" ? `${field}: ${text}` : text;
  }
  return JSON.stringify(detail);
}
