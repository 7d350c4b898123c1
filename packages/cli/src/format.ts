// `-o json|yaml|table` and `--query <jmespath>`: what a person reads, from the same answer a script
// parses. The query runs first (JMESPath, as the AWS and Azure CLIs do), then the format: JSON (the
// default), YAML, or a table — one row per item of a list, a key/value view of an object.
import type { search as Search } from "@jmespath-community/jmespath";
import type TableClass from "cli-table3";
import type { stringify as Stringify } from "yaml";
import { safeCell, safeJson, safeText } from "./terminal-text.js";
import { UsageError } from "./usage-error.js";

/** The libraries of a format other than JSON, and of --query: loaded when a command asks for them, so a plain call starts without. */
const libs: { search?: typeof Search; Table?: typeof TableClass; stringify?: typeof Stringify } = {};

/** Loads what `format` and `query` need; formatValue and applyQuery run only after it. */
export async function loadFormatters(format: Format, query: string | undefined): Promise<void> {
  if (query !== undefined) libs.search ??= exported(await import("@jmespath-community/jmespath"), "search");
  if (format === "yaml") libs.stringify ??= exported(await import("yaml"), "stringify");
  if (format === "table") libs.Table ??= (await import("cli-table3")).default;
}

/** A named export of a dynamically imported module; a bundled CommonJS module may carry it on `default` only. */
function exported<M extends object, K extends keyof M>(module: M, name: K): M[K] {
  return (module[name] ?? (module as { default?: M }).default?.[name] ?? loaded(undefined, String(name))) as M[K];
}

const loaded = <T>(lib: T | undefined, what: string): T => {
  if (!lib) throw new Error(`${what} was used before loadFormatters() loaded it`);
  return lib;
};

export const FORMATS = ["json", "yaml", "table"] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatOptions {
  format: Format;
  /** Pretty JSON (a terminal) or one line (a pipe). */
  pretty: boolean;
  /** Columns available for a table (the terminal's width; 120 when piped). */
  width: number;
  /** Bold table headers (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** The property of a list answer that holds its items (the model's pagination), if known. */
  items?: string | undefined;
  /** The columns the spec chose for the items (`x-cli-columns`); otherwise picked from the items. */
  columns?: readonly string[] | undefined;
}

/** Reads `-o`: a usage error naming the formats when it is none of them. */
export function parseFormat(value: string | undefined): Format {
  if (value === undefined) return "json";
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`--output must be one of: ${FORMATS.join(", ")}; got "${value}".`);
}

/** Applies a JMESPath expression; a usage error quoting the parser's complaint when it is not one. */
export function applyQuery(value: unknown, query: string | undefined): unknown {
  if (query === undefined) return value;
  try {
    const search = loaded(libs.search, "--query");
    return search(value as Parameters<typeof search>[0], query);
  } catch (error) {
    throw new UsageError(`--query is not a JMESPath expression: ${(error as Error).message}`, "See https://jmespath.site for the syntax, e.g. --query 'instances[].id'.");
  }
}

/** The answer as text in the chosen format, ending with a newline ("" for nothing); no control reaches the terminal raw. */
export function formatValue(value: unknown, options: FormatOptions): string {
  if (value === undefined) return "";
  if (options.format === "yaml") return safeJson(loaded(libs.stringify, "-o yaml")(value));
  if (options.format === "table") return table(value, options);
  // a --query scalar is printed as text, so its controls are shown escaped like a table's
  if (typeof value === "string") return safeText(value.endsWith("\n") ? value : `${value}\n`);
  return `${safeJson(JSON.stringify(value, null, options.pretty ? 2 : undefined))}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === "object" && !Array.isArray(value);
const isScalar = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);

/** A cell: scalars as they are, lists of scalars joined, anything nested as compact JSON (never [object Object]). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (isScalar(value)) return safeCell(String(value));
  if (Array.isArray(value) && value.every(isScalar)) return safeCell(value.join(", "));
  return safeJson(JSON.stringify(value));
}

/** The rows of a list answer: the items array (the model's, else the only array property), or the array itself. */
function rowsOf(value: unknown, items: string | undefined): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return undefined;
  if (items && Array.isArray(value[items])) return value[items] as unknown[];
  // a list envelope ({ regions: [...], meta: {...} }), not an item that happens to have one list field
  const arrays = Object.values(value).filter(Array.isArray);
  const envelope = Object.values(value).every((v) => Array.isArray(v) || isRecord(v));
  return arrays.length === 1 && envelope ? arrays[0] : undefined;
}

/** Columns people look for first, then the item's other fields in the spec's order. */
const FIRST = ["id", "slug", "name", "status", "type", "region", "plan", "image", "ip", "ipv4"];

function columnsOf(rows: Array<Record<string, unknown>>): string[] {
  const seen: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.includes(key)) seen.push(key);
  return [...FIRST.filter((key) => seen.includes(key)), ...seen.filter((key) => !FIRST.includes(key))];
}

// the caller decided colour (a terminal, no NO_COLOR): the codes are written as they are
const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;

const CELL_MAX = 40;
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text);
const GAP = 2;

function render(head: string[] | undefined, body: string[][], options: FormatOptions): string {
  const borderless = { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: " ".repeat(GAP) };
  const Table = loaded(libs.Table, "-o table");
  const table = new Table({ ...(head ? { head: head.map((h) => (options.color ? bold(h) : h)) } : {}), chars: borderless, style: { head: [], border: [], "padding-left": 0, "padding-right": 0 } });
  table.push(...body);
  return `${table.toString().split("\n").map((line) => line.trimEnd()).join("\n")}\n`;
}

function table(value: unknown, options: FormatOptions): string {
  const rows = rowsOf(value, options.items);
  if (rows && rows.every(isRecord)) {
    if (!rows.length) return "(no items)\n";
    const all = columnsOf(rows);
    const chosen = options.columns?.filter((column) => all.includes(column));
    let columns = chosen?.length ? chosen : all;
    const unchosen = all.length - columns.length;
    const cells = rows.map((row) => columns.map((column) => cut(cell(row[column]), CELL_MAX)));
    // keep the leading columns that fit the terminal; say how many were left out
    const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
    let used = 0;
    let fit = 0;
    for (const width of widths) {
      if (fit > 0 && used + width > options.width) break;
      used += width + GAP;
      fit++;
    }
    const hidden = columns.length - fit + unchosen;
    columns = columns.slice(0, fit);
    let text = render(columns.map((c) => safeCell(c.toUpperCase())), cells.map((row) => row.slice(0, fit)), options);
    if (hidden) text += `(${hidden} more column${hidden === 1 ? "" : "s"}: -o json or --query shows them)\n`;
    const total = isRecord(value) ? Object.values(value).find((v): v is { total: number } => isRecord(v) && typeof v.total === "number")?.total : undefined;
    if (total !== undefined && total > rows.length) text += `(${rows.length} of ${total}: --all shows every one)\n`;
    return text;
  }
  if (rows) return render(undefined, rows.map((row) => [cut(cell(row), options.width)]), options);
  if (isRecord(value)) {
    const keyWidth = Math.max(...Object.keys(value).map((key) => key.length));
    return render(undefined, Object.entries(value).map(([key, v]) => [safeCell(key), cut(cell(v), Math.max(10, options.width - keyWidth - GAP))]), options);
  }
  return `${cell(value)}\n`;
}
