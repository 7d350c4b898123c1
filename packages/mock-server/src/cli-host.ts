// What the CLI's `mock` command and `--mock` flag run (loaded by an SDK's bin only when asked for, so
// other commands start without Prism or the engine): the same servers as `pnpm mock` and startMock().
import type { CliModel } from "@repo/model";
import { startPrism } from "./prism.js";
import { formatExchange } from "./exchange-log.js";
import { serveMock, type ServeMockOptions, type ServedMock } from "./serve.js";
import { startStatefulMock } from "./stateful.js";

export interface CommandMockOptions {
  specFile: string;
  model: CliModel;
  /** Prism's example mock instead of the stateful one. */
  static: boolean;
  /** Where `--verbose` lines go (nothing when absent). */
  log?: ((text: string) => void) | undefined;
}

/** A mock for one command (`--mock`): stateful by default, judged by Prism; stopped when the command ends. */
export function startForCommand({ specFile, model, static: isStatic, log }: CommandMockOptions): Promise<{ url: string; stop(): Promise<void> }> {
  return isStatic
    ? startPrism(specFile, log ? { onLog: (text) => log(`[mock] ${text}`) } : {})
    : startStatefulMock({ specFile, model, onExchange: (exchange) => log?.(`[mock] ${formatExchange(exchange).join("\n")}`) });
}

/** `<api> mock`: serves until stopped, one log line per request. */
export const serve = (options: ServeMockOptions): Promise<ServedMock> => serveMock(options);
