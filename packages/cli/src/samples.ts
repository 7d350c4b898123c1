// The inverse of parsing: the command line that sends given SDK params (e.g. the model's exampleParams).
// Used by tests to run every operation through the CLI, and by anyone who wants CLI samples.
import { bodyModeOf, commandName, type CliOperation } from "@repo/model";
import { operationFlags, type OperationFlag } from "./flags.js";

const isScalar = (value: unknown) => ["string", "number", "boolean"].includes(typeof value);

/** `--name web-1`, `--ssh-keys a --ssh-keys b`, `--no-available`, `--labels '{"a":1}'`; null for what only --data can say. */
function flagArgs(flag: OperationFlag, value: unknown): string[] | null {
  const name = `--${flag.flag}`;
  const text = (v: string) => (v.startsWith("-") ? [`${name}=${v}`] : [name, v]);
  if (value === null || value === undefined) return null;
  switch (flag.kind) {
    case "boolean":
      return typeof value === "boolean" ? [value ? name : `--no-${flag.flag}`] : null;
    case "array":
      if (!Array.isArray(value)) return null;
      if (value.length && value.every(isScalar) && flag.itemKind !== "json") return value.flatMap((item) => text(String(item)));
      return text(JSON.stringify(value));
    case "json":
      return text(JSON.stringify(value));
    default:
      return isScalar(value) ? text(String(value)) : null;
  }
}

/** The arguments (after the program name) that make the CLI call `operation` with `params`. */
export function cliArgs(operation: CliOperation, params: Record<string, unknown>): string[] {
  const flags = operationFlags(operation);
  const args = [commandName(operation)];
  const mode = bodyModeOf(operation);
  const body: Record<string, unknown> = {};
  let wholeBody: unknown;
  for (const [key, value] of Object.entries(params)) {
    const param = flags.find((f) => f.in !== "body" && f.key === key);
    if (param) {
      const given = flagArgs(param, value);
      if (given) args.push(...given);
    } else if (mode === "body" && key === "body") wholeBody = value;
    else body[key] = value;
  }
  if (mode === "body") {
    if (wholeBody !== undefined) args.push("--data", JSON.stringify(wholeBody));
    return args;
  }
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const flag = flags.find((f) => f.in === "body" && f.key === key);
    const given = flag ? flagArgs(flag, value) : null;
    if (given) args.push(...given);
    else rest[key] = value;
  }
  if (Object.keys(rest).length) args.push("--data", JSON.stringify(rest));
  return args;
}

/** The same as one shell line: `cloudnexus instances/create --name web-1 …`, quoted where needed. */
export function cliCommand(bin: string, operation: CliOperation, params: Record<string, unknown>): string {
  return [bin, ...cliArgs(operation, params)].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(" ");
}
