// `<api> completion bash|zsh|fish`: a completion script generated from the model — the commands, each
// command's flags, and the values of enum flags (`--status <TAB>` → pending running stopped). The
// script holds the data itself, so completing never starts the CLI.
import { globalFlagName, globalFlagsOf, operationFlags, type OperationFlag } from "./flags.js";
import { enumOf } from "./help.js";
import { commandName, type CliModel, type JsonSchema } from "@repo/model";
import { UsageError } from "./usage-error.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;

interface Flag {
  name: string;
  short?: string | undefined;
  values: string[];
  takesValue: boolean;
  description: string;
}

interface Command {
  name: string;
  summary: string;
  flags: Flag[];
}

/** Words a shell can take unquoted inside a word list: values with spaces or quotes are left out. */
const safe = (values: unknown[]) => values.map(String).filter((value) => /^[\w.:@/+-]+$/.test(value));

function flagOf(flag: OperationFlag): Flag {
  const schema = flag.kind === "array" ? ((flag.schema.items as JsonSchema | undefined) ?? {}) : flag.schema;
  const values = enumOf(schema) ?? (flag.kind === "boolean" ? [] : schema.type === "boolean" ? [true, false] : []);
  return { name: `--${flag.flag}`, values: safe(values), takesValue: flag.kind !== "boolean", description: flag.description.split("\n")[0] ?? "" };
}

function commandsOf(model: CliModel, builtins: ReadonlyArray<{ name: string; summary: string }>): { commands: Command[]; globals: Flag[] } {
  const globals: Flag[] = globalFlagsOf(model).map((g) => ({
    name: globalFlagName(g),
    short: g.short,
    values: g.flag === "output" ? ["json", "yaml", "table"] : [],
    takesValue: g.type === "string",
    description: g.description,
  }));
  const commands: Command[] = [
    ...model.operations.map((op) => ({ name: commandName(op), summary: op.summary, flags: operationFlags(op).map(flagOf) })),
    ...builtins.map((b) => ({ name: b.name, summary: b.summary, flags: [] })),
  ];
  return { commands, globals };
}

/** The script for `shell`; a usage error naming the shells otherwise. */
export function completionScript(model: CliModel, builtins: ReadonlyArray<{ name: string; summary: string }>, shell: string | undefined): string {
  if (!shell || !(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion needs a shell: one of ${SHELLS.join(", ")}${shell ? `, not "${shell}"` : ""}.`, `e.g. \`source <(${model.api} completion bash)\``);
  }
  const data = commandsOf(model, builtins);
  return shell === "fish" ? fish(model.api, data) : bashLike(model.api, data, shell === "zsh");
}

function bashLike(bin: string, { commands, globals }: ReturnType<typeof commandsOf>, zsh: boolean): string {
  const fn = `_${bin.replace(/\W/g, "_")}_completion`;
  const globalWords = globals.flatMap((g) => [g.name, ...(g.short ? [`-${g.short}`] : [])]).join(" ");
  const valueCases: string[] = [];
  for (const g of globals.filter((g) => g.values.length)) {
    valueCases.push(`    *":${g.name}"${g.short ? `|*":-${g.short}"` : ""}) COMPREPLY=($(compgen -W "${g.values.join(" ")}" -- "$cur")); return ;;`);
  }
  for (const command of commands) {
    for (const flag of command.flags.filter((f) => f.values.length)) {
      valueCases.push(`    "${command.name}:${flag.name}") COMPREPLY=($(compgen -W "${flag.values.join(" ")}" -- "$cur")); return ;;`);
    }
  }
  const flagCases = commands
    .filter((c) => c.flags.length)
    .map((c) => `    "${c.name}") words="${c.flags.map((f) => f.name).join(" ")} $globals" ;;`);
  const lines = [
    // zsh reads `#compdef` on the first line of a file in $fpath
    ...(zsh ? [`#compdef ${bin}`] : []),
    `# ${zsh ? "zsh" : "bash"} completion for ${bin}, generated from its API description by \`${bin} completion ${zsh ? "zsh" : "bash"}\`.`,
    zsh ? `# Install: ${bin} completion zsh > "\${fpath[1]}/_${bin}" (or: source <(${bin} completion zsh) in ~/.zshrc)` : `# Install: ${bin} completion bash > ~/.local/share/bash-completion/completions/${bin} (or: source <(${bin} completion bash) in ~/.bashrc)`,
    ...(zsh ? ["autoload -U +X bashcompinit && bashcompinit"] : []),
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="" word words',
    `  local globals="${globalWords}"`,
    "  # the command is the first word that is not a flag",
    '  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do',
    '    case "$word" in -*) ;; *) cmd="$word"; break ;; esac',
    "  done",
    '  case "$cmd:$prev" in',
    ...valueCases,
    "  esac",
    '  if [[ -z "$cmd" && "$cur" != -* ]]; then',
    `    COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(" ")}" -- "$cur"))`,
    "    return",
    "  fi",
    '  words="$globals"',
    '  case "$cmd" in',
    ...flagCases,
    "  esac",
    '  COMPREPLY=($(compgen -W "$words" -- "$cur"))',
    "}",
    `complete -F ${fn} ${bin}`,
    "",
  ];
  return lines.join("\n");
}

/** Fish quotes: single quotes, with \\ and ' escaped. */
const fishQuote = (text: string) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

function fish(bin: string, { commands, globals }: ReturnType<typeof commandsOf>): string {
  const flagLine = (flag: Flag, condition?: string) => {
    const long = flag.name.replace(/^--/, "");
    const parts = [`complete -c ${bin}`];
    if (condition) parts.push(`-n ${fishQuote(condition)}`);
    parts.push(`-l ${long}`);
    if (flag.short) parts.push(`-s ${flag.short}`);
    if (flag.values.length) parts.push(`-x -a ${fishQuote(flag.values.join(" "))}`);
    else if (flag.takesValue) parts.push("-r");
    if (flag.description) parts.push(`-d ${fishQuote(flag.description.slice(0, 80))}`);
    return parts.join(" ");
  };
  return [
    `# fish completion for ${bin}, generated from its API description by \`${bin} completion fish\`.`,
    `# Install: ${bin} completion fish > ~/.config/fish/completions/${bin}.fish`,
    `complete -c ${bin} -f`,
    ...commands.map((c) => `complete -c ${bin} -n __fish_use_subcommand -a ${fishQuote(c.name)} -d ${fishQuote(c.summary.slice(0, 80))}`),
    ...globals.map((g) => flagLine(g)),
    ...commands.flatMap((c) => c.flags.map((f) => flagLine(f, `__fish_seen_subcommand_from ${c.name}`))),
    "",
  ].join("\n");
}
