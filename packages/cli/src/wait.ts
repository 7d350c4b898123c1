// `--wait`: after a command that starts long-running work, poll until it is done. On a terminal a
// spinner on stderr shows what is awaited and for how long; piped or with --quiet, stdout gets only the
// final JSON. Exit 0 done, 1 failed, 124 timed out (like timeout(1)), 130 on Ctrl-C (the work goes on).
import { commandName, type WaitDescriptor } from "@repo/model";
import { ActionFailedError, TimeoutError } from "@repo/client";
import { describeTarget, waitUntilDone } from "@repo/client/internal";
import type { CliClient, CliIo } from "./app.js";
import { kebabCase } from "./flags.js";
import type { Output } from "./output.js";
import { safeText } from "./terminal-text.js";
import { UsageError } from "./usage-error.js";

export const WAIT_EXIT = { timeout: 124, interrupted: 130 } as const;

/** --wait-timeout in ms; a usage error before any request when it is not a positive number. */
export function waitTimeout(text: string | undefined): number {
  if (text === undefined) return 300_000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--wait-timeout must be a positive number of seconds, not "${text}".`);
  return seconds * 1000;
}

interface WaitRun {
  bin: string;
  client: CliClient;
  wait: WaitDescriptor;
  first: { data: unknown; response: Response };
  timeout: number;
  quiet: boolean;
  io: CliIo;
  output: Output;
  /** Prints an answer as the user asked (-o, --query). */
  print: (value: unknown) => void;
}

export async function waitInCli(run: WaitRun): Promise<number> {
  const { wait, output } = run;
  const started = Date.now();
  const id = String((run.first.data as Record<string, unknown> | undefined)?.[wait.from] ?? "");
  const resume = `${run.bin} ${commandName({ operationId: wait.poll })} --${kebabCase(wait.param)} ${id}`;
  // the spinner library loads only where it is shown (a terminal)
  const spinner = run.io.stderrIsTTY && !run.quiet ? (await import("yocto-spinner")).default({ stream: process.stderr, handleSignals: false }) : undefined;
  // the spinner writes to stderr itself: the server's status is escaped here
  const label = (snapshot: unknown) =>
    safeText(`${describeTarget(wait, snapshot)}: ${String((snapshot as Record<string, unknown>)?.[wait.field] ?? "")} (${Math.round((Date.now() - started) / 1000)} s)`);
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once("SIGINT", interrupt);
  let last: unknown = run.first.data;
  spinner?.start(label(last));
  // the elapsed time moves on between polls too
  const tick = spinner ? setInterval(() => (spinner.text = label(last)), 1000) : undefined;
  try {
    const done = await waitUntilDone((operationId, params, options) => run.client.request(operationId, params, options), wait, run.first.data, {
      timeout: run.timeout,
      signal: controller.signal,
      onProgress: (snapshot) => {
        last = snapshot;
        if (spinner) spinner.text = label(snapshot);
      },
    }, run.first.response);
    spinner?.success(output.redact(label(done)));
    run.print(done);
    return 0;
  } catch (error) {
    if (error instanceof ActionFailedError) {
      spinner?.error(output.redact(label(error.action)));
      run.print(error.action);
      output.err(`✖ ${error.message}\n`);
      return 1;
    }
    if (error instanceof TimeoutError) {
      spinner?.error(output.redact(label(last)));
      output.err(`✖ ${error.message} It goes on; follow it with \`${resume}\`.\n`);
      return WAIT_EXIT.timeout;
    }
    if (controller.signal.aborted) {
      spinner?.stop();
      output.err(`Stopped waiting; the ${wait.what} goes on. Follow it with \`${resume}\`.\n`);
      return WAIT_EXIT.interrupted;
    }
    spinner?.stop();
    throw error;
  } finally {
    clearInterval(tick);
    process.off("SIGINT", interrupt);
  }
}
