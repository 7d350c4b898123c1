// Turns the text of a flag into the JSON value its schema asks for, or a UsageError saying what was wrong.
import type { FlagKind, OperationFlag } from "./flags.js";
import { schemaTypes } from "./flags.js";
import type { JsonSchema } from "@repo/model";
import { readLimited } from "./read-limited.js";
import { UsageError } from "./usage-error.js";

const INTEGER = /^[+-]?\d+$/;
const TRUE = new Set(["true", "1", "yes", "on"]);
const FALSE = new Set(["false", "0", "no", "off"]);

/** Reads one scalar (or JSON) value of a given kind. */
export function readValue(text: string, kind: FlagKind, schema: JsonSchema, label: string): unknown {
  switch (kind) {
    case "string":
      return text;
    case "integer":
      if (!INTEGER.test(text.trim())) throw new UsageError(`${label} expects an integer, got "${text}".`);
      return Number(text);
    case "number": {
      const value = Number(text);
      if (text.trim() === "" || !Number.isFinite(value)) throw new UsageError(`${label} expects a number, got "${text}".`);
      return value;
    }
    case "boolean": {
      const lower = text.trim().toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      throw new UsageError(`${label} expects true or false, got "${text}".`);
    }
    default:
      return readJson(text, schema, label);
  }
}

/** JSON text; plain text is taken as a string where the schema allows one (so `--note hello` works). */
function readJson(text: string, schema: JsonSchema, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const types = schemaTypes(schema);
    if (types.length === 0 || types.includes("string")) return text;
    throw new UsageError(`${label} expects JSON (${types.join(" or ")}): ${(error as Error).message}.`);
  }
}

/**
 * The value of an operation flag from its occurrences on the command line: repeat an array flag
 * (`--ssh-keys a --ssh-keys b`) or give it a JSON array (`--ssh-keys '["a","b"]'`).
 */
export function flagValue(flag: OperationFlag, occurrences: Array<string | boolean>): unknown {
  const label = `--${flag.flag}`;
  if (flag.kind === "array") {
    const items = flag.schema.items as JsonSchema | undefined;
    const [first] = occurrences;
    if (occurrences.length === 1 && typeof first === "string" && first.trim().startsWith("[")) {
      const parsed = readJson(first, flag.schema, label);
      if (Array.isArray(parsed)) return parsed;
    }
    return occurrences.map((text) => readValue(String(text), flag.itemKind ?? "json", items ?? {}, label));
  }
  if (occurrences.length > 1) throw new UsageError(`${label} is given ${occurrences.length} times; it takes one value.`);
  const [value] = occurrences;
  if (typeof value === "boolean") return value;
  return readValue(value ?? "", flag.kind, flag.schema, label);
}

/**
 * `--data '<json>'`, `--data @file.json` or `--data @-` (stdin): the whole request body. A file is read
 * within the SDK's body limit, and a problem is told by line and column, never by quoting the file
 * (it may be a secret given by mistake).
 */
export async function readData(text: string, readStdin: () => string): Promise<unknown> {
  let source = "--data";
  let json = text;
  if (text.startsWith("@")) {
    const file = text.slice(1);
    source = file === "-" ? "--data @- (stdin)" : `--data @${file}`;
    try {
      json = file === "-" ? readStdin() : readLimited(file, source);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${source}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
  }
  try {
    return JSON.parse(json);
  } catch {
    // the parser that says where is loaded only for a mistake
    const { jsonProblem } = await import("./json-problem.js");
    throw new UsageError(`${source} is not valid JSON: ${jsonProblem(json) ?? "not JSON"}.`);
  }
}
