// Reads argv with Node's built-in util.parseArgs (its tokens), then checks every flag against the
// command's flag table so a mistake is a UsageError with a suggestion, not a silent surprise.
import { parseArgs } from "node:util";
import { globalFlags, type OperationFlag } from "./flags.js";
import { didYouMean } from "./suggest.js";
import { UsageError } from "./usage-error.js";

export interface GlobalValues {
  data?: string;
  /** Every --file given (`path` or `field=path`), in order. */
  file?: string[];
  token?: string;
  baseUrl?: string;
  prefer?: string;
  session?: string;
  maxRetries?: string;
  /** false with --no-retry. */
  retry: boolean;
  quiet: boolean;
  wait: boolean;
  waitTimeout?: string;
  output?: string;
  outFile?: string;
  query?: string;
  profile?: string;
  all: boolean;
  include: boolean;
  mock: boolean;
  static: boolean;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

export interface CommandLine {
  /** The positional arguments, the command first (`instances/list`, `login`, `help`). */
  positionals: string[];
  globals: GlobalValues;
  /** Each operation flag given, by flag name, with every occurrence's value. */
  values: Map<string, Array<string | boolean>>;
}

type OptionConfig = { type: "string" | "boolean"; short?: string };

function optionTable(flags: readonly OperationFlag[]): Record<string, OptionConfig> {
  const options: Record<string, OptionConfig> = {};
  for (const g of globalFlags) options[g.flag] = { type: g.type, ...(g.short ? { short: g.short } : {}) };
  for (const f of flags) options[f.flag] = { type: f.kind === "boolean" ? "boolean" : "string" };
  return options;
}

/** The positional arguments alone (to find the command before its flags are known). */
export function positionalsOf(argv: readonly string[]): string[] {
  const { tokens } = parseArgs({ args: [...argv], options: optionTable([]), strict: false, allowPositionals: true, tokens: true });
  return tokens.flatMap((t) => (t.kind === "positional" ? [t.value] : []));
}

/**
 * Parses argv against the global flags and `flags` (the command's). `strictFlags` false (no command
 * known yet, e.g. for `--help`) ignores unknown flags instead of rejecting them.
 */
export function parseCommandLine(argv: readonly string[], flags: readonly OperationFlag[], strictFlags = true): CommandLine {
  const options = optionTable(flags);
  const { tokens } = parseArgs({
    args: [...argv], options, strict: false, allowPositionals: true, allowNegative: true, tokens: true,
  });
  const globals: GlobalValues = { retry: true, quiet: false, wait: false, all: false, include: false, mock: false, static: false, verbose: false, help: false, version: false };
  const values = new Map<string, Array<string | boolean>>();
  const positionals: string[] = [];
  const known = new Set(Object.keys(options));

  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const option = options[token.name];
    if (!option) {
      if (!strictFlags) continue;
      const shown = token.rawName.startsWith("--") ? `--${token.name}` : token.rawName;
      throw new UsageError(`Unknown flag ${shown}.${didYouMean(token.name, known, "--")}`);
    }
    let value: string | boolean;
    if (option.type === "boolean") {
      if (token.inlineValue && token.value !== undefined) {
        const text = token.value.toLowerCase();
        if (!["true", "false"].includes(text)) throw new UsageError(`--${token.name} is a switch: use --${token.name} or --no-${token.name}.`);
        value = text === "true";
      } else value = !token.rawName.startsWith("--no-");
    } else {
      // parseArgs (non-strict) would take a following flag as the value: `--name --plan x`.
      if (token.value === undefined || (!token.inlineValue && /^--[A-Za-z]/.test(token.value))) {
        throw new UsageError(`--${token.name} needs a value: --${token.name} <value> or --${token.name}=<value>.`);
      }
      value = token.value;
    }
    setValue(token.name, value, globals, values);
  }
  return { positionals, globals, values };
}

/** The global flags that take a value, and where it goes. */
const STRING_GLOBALS = {
  data: "data",
  token: "token",
  session: "session",
  prefer: "prefer",
  "base-url": "baseUrl",
  "max-retries": "maxRetries",
  "wait-timeout": "waitTimeout",
  output: "output",
  "out-file": "outFile",
  profile: "profile",
  query: "query",
} as const satisfies Record<string, keyof GlobalValues>;

function setValue(name: string, value: string | boolean, globals: GlobalValues, values: Map<string, Array<string | boolean>>): void {
  if (name === "file") {
    globals.file = [...(globals.file ?? []), String(value)];
    return;
  }
  if (name in STRING_GLOBALS) {
    globals[STRING_GLOBALS[name as keyof typeof STRING_GLOBALS]] = String(value);
    return;
  }
  switch (name) {
    case "retry":
    case "quiet":
    case "wait":
    case "all":
    case "include":
    case "mock":
    case "static":
    case "verbose":
    case "help":
    case "version":
      globals[name] = value === true;
      return;
    default:
      values.set(name, [...(values.get(name) ?? []), value]);
  }
}
