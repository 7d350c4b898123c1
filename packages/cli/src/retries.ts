// --max-retries, --no-retry and --quiet: how many times the client retries, and the line on stderr
// that says why nothing happens while it waits (a silent 30 s Retry-After looks like a hang).
import type { ClientOptions } from "@repo/client";
import { commandName } from "@repo/model";
import type { Output } from "./output.js";
import type { CommandLine } from "./parse.js";
import { UsageError } from "./usage-error.js";

/** Waits up to this long pass without a word. */
const SILENT_WAIT_MS = 1_000;

/** The client's retry options from the command line; a bad value is a UsageError, before any request. */
export function retryOptions(line: CommandLine, output: Output): Pick<ClientOptions, "maxRetries" | "onRetry"> {
  const { maxRetries: text, retry, quiet } = line.globals;
  if (text !== undefined && !/^\d{1,2}$/.test(text.trim())) {
    throw new UsageError(`--max-retries takes a whole number from 0 to 99, got "${text}".`);
  }
  if (text !== undefined && !retry && Number(text) > 0) throw new UsageError("Use --no-retry or --max-retries, not both.");
  const maxRetries = !retry ? 0 : text === undefined ? undefined : Number(text);
  return {
    ...(maxRetries === undefined ? {} : { maxRetries }),
    onRetry: (info) => {
      if (quiet || info.delay <= SILENT_WAIT_MS) return;
      const what = info.status ? `answered ${info.status}` : "got no answer";
      const seconds = Math.round(info.delay / 100) / 10;
      output.err(
        `${commandName(info)} ${what}; retrying in ${seconds} s${info.retryAfter ? " (Retry-After)" : ""}… (attempt ${info.attempt + 1} of ${info.maxAttempts}; --no-retry to give up at once)\n`,
      );
    },
  };
}
