// Help text generated from the model: the command list (with summaries) and each command's flags.
import { globalFlagName, globalFlagsOf, operationFlags, type OperationFlag } from "./flags.js";
import type { MarkdownOptions } from "./markdown.js";
import { commandName, envNames, fileFields, takesFile, type CliModel, type JsonSchema, type CliOperation } from "@repo/model";

const WIDTH = 100;

/** The enum values of a schema (or of its items, or allOf parts), if it has any. */
export function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  for (const part of Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : []) {
    const values = enumOf(part);
    if (values) return values;
  }
  return undefined;
}

/** `<integer>`, `<running|stopped>`, `<string>...`, or "" for a boolean. */
function valueLabel(flag: OperationFlag): string {
  if (flag.kind === "boolean") return "";
  const schema = flag.kind === "array" ? ((flag.schema.items as JsonSchema | undefined) ?? {}) : flag.schema;
  const values = enumOf(schema);
  const kind = flag.kind === "array" ? (flag.itemKind ?? "json") : flag.kind;
  const base = values && values.join("|").length <= 40 ? values.join("|") : values ? "enum" : kind;
  return ` <${base}>${flag.kind === "array" ? "..." : ""}`;
}

/** The notes after a flag's description: allowed values, range, default, how to give a list. */
function flagNotes(flag: OperationFlag): string[] {
  const schema = flag.schema;
  const items = flag.kind === "array" ? ((schema.items as JsonSchema | undefined) ?? {}) : schema;
  const notes: string[] = [];
  const values = enumOf(items);
  if (values) notes.push(`One of: ${values.join(", ")}.`);
  const range = [
    typeof items.minimum === "number" ? `min ${items.minimum}` : "",
    typeof items.maximum === "number" ? `max ${items.maximum}` : "",
  ].filter(Boolean);
  if (range.length) notes.push(`Range: ${range.join(", ")}.`);
  if (schema.default !== undefined) notes.push(`Default: ${JSON.stringify(schema.default)}.`);
  if (flag.kind === "array") notes.push("Repeat the flag or give a JSON array.");
  if (flag.kind === "json") notes.push("JSON value.");
  if (flag.in === "header") notes.push(`Sent as the ${flag.key} header.`);
  return notes;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** Words of `text` in lines of at most `width` characters. */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of oneLine(text).split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** Two columns: labels padded, descriptions wrapped under their column. */
function table(rows: Array<[string, string]>, indent = "  ", width?: number): string[] {
  const column = width ?? Math.min(34, Math.max(...rows.map(([label]) => label.length)) + 2);
  const room = Math.max(30, WIDTH - indent.length - column);
  return rows.flatMap(([label, text]) => {
    const wrapped = wrapText(text, room);
    const pad = `${indent}${" ".repeat(column)}`;
    if (label.length + 2 > column) return [`${indent}${label}`, ...wrapped.map((l) => pad + l)];
    const [first, ...rest] = wrapped;
    return [`${indent}${label.padEnd(column)}${first ?? ""}`, ...rest.map((l) => pad + l)];
  });
}

function globalFlagRows(model: CliModel): Array<[string, string]> {
  const env = model.env;
  return globalFlagsOf(model).map((g) => [
    `${g.short ? `-${g.short}, ` : ""}${globalFlagName(g)}${g.value ? ` <${g.value}>` : ""}`,
    g.description.replace("<TOKEN_ENV>", env.token).replace("<BASE_URL_ENV>", env.baseUrl).replace("<PROFILE_ENV>", env.token.replace(/_TOKEN$/, "_PROFILE")),
  ]);
}

export interface BuiltinCommand {
  readonly name: string;
  readonly summary: string;
}

/**
 * Names in dictionary order (case aside first, then lower before upper, as localeCompare has it for ASCII
 * names) without ICU: the first localeCompare of a process builds a collator, 10 ms of every `--help`.
 */
function byName(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a === b ? 0 : a > b ? -1 : 1;
}

/** `cloudnexus --help` (or the commands of one namespace): every command with its summary, by namespace. */
export function rootHelp(model: CliModel, builtins: readonly BuiltinCommand[], namespace?: string): string {
  const bin = model.api;
  const operations = model.operations.filter((op) => namespace === undefined || op.namespace === namespace);
  const groups = new Map<string, CliOperation[]>();
  for (const op of operations) {
    const key = op.namespace ?? "";
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  const rows = (ops: CliOperation[]): Array<[string, string]> =>
    [...ops].sort((a, b) => byName(a.name, b.name)).map((op) => [commandName(op), op.summary || oneLine(op.description)]);
  const lines = [
    `${bin} — command-line client for the ${model.title} ${model.version}`,
    "",
    `Usage: ${bin} <command> [flags]`,
    "",
  ];
  // one column for every group, so summaries line up down the whole list
  const column = Math.min(34, Math.max(...operations.map((op) => commandName(op).length + 2)) + 2);
  const keys = [...groups.keys()].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : byName(a, b)));
  if (namespace === undefined) lines.push("Commands:");
  for (const key of keys) {
    const ops = groups.get(key) ?? [];
    if (key === "") lines.push(...table(rows(ops), "  ", column + 2));
    else lines.push(`  ${key}`, ...table(rows(ops), "    ", column));
  }
  if (namespace === undefined) {
    lines.push("", "Account:", ...table(builtins.map((b) => [b.name, b.summary])));
    lines.push("", "Global flags:", ...table(globalFlagRows(model)));
  }
  lines.push("", `Run \`${bin} <command> --help\` for the flags of a command.`);
  return `${lines.join("\n")}\n`;
}

/** How help is shown: the terminal's width (at most 100) and whether to colour code spans. */
export type HelpView = MarkdownOptions;
const PLAIN: HelpView = { width: WIDTH, color: false };


/** `cloudnexus instances/create --help`: what it does, its request, and every flag with type, enum, default, required. */
export async function commandHelp(model: CliModel, operation: CliOperation, view: HelpView = PLAIN): Promise<string> {
  // the Markdown renderer (marked) loads with a command's help only: `--help` and plain calls start without it
  const { renderMarkdown } = await import("./markdown.js");
  /** A Markdown description as one line of text (flag descriptions). */
  const flat = (markdown: string, view: HelpView) => renderMarkdown(markdown, { ...view, width: 10_000 }).filter(Boolean).join(" ");
  const bin = model.api;
  const flags = operationFlags(operation);
  const required = flags.filter((f) => f.required);
  const usage = [`${bin} ${commandName(operation)}`, ...required.map((f) => `--${f.flag}${valueLabel(f)}`), "[flags]"].join(" ");
  const lines = [`${bin} ${commandName(operation)} — ${operation.summary || operation.operationId}`, ""];
  if (operation.description) lines.push(...renderMarkdown(operation.description, view), "");
  lines.push(`Usage: ${usage}`, "", `Request: ${operation.method} ${operation.path}`);
  if (flags.length) {
    lines.push("", "Flags:");
    lines.push(
      ...table(
        flags.map((f): [string, string] => [
          `--${f.flag}${valueLabel(f)}`,
          [f.required ? "(required)" : "", flat(f.description, { ...view, color: false }), ...flagNotes(f)].filter(Boolean).join(" "),
        ]),
      ),
    );
  }
  if (operation.requestBody) {
    const body = `Body: ${operation.requestBody.contentType ?? "application/json"}${operation.requestBody.required ? " (required)" : ""}`;
    const files = fileFields(operation);
    if (files.length) lines.push("", `${body}; its fields as JSON with --data, its file fields (${files.join(", ")}) with --file ${files.length > 1 ? "<field>=<path>" : "<path>"}.`);
    else if (takesFile(operation)) lines.push("", `${body}; give the file to send with --file <path> (- reads stdin).`);
    else lines.push("", `${body}; give it whole with --data, field flags override it.`);
  }
  if (operation.pagination) lines.push("", "Paginated: --all prints every item of every page as JSON lines.");
  if (operation.wait) lines.push("", `Long-running: --wait waits until the ${operation.wait.what} is ${String(operation.wait.done[0])} (progress on a terminal; --wait-timeout <s>).`);
  lines.push("", `Global flags: ${globalFlagsOf(model).map(globalFlagName).join(", ")} (see \`${bin} --help\`).`);
  return `${lines.join("\n")}\n`;
}
