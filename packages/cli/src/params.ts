// The SDK's flat params for one command: its flags and --data, checked against the operation's schemas.
import { headerValueProblem, pathValueProblem } from "@repo/client/internal";
import { bodyModeOf, commandName, isJsonBody, type CliModel, type CliOperation } from "@repo/model";
import type { OperationFlag } from "./flags.js";
import type { CommandLine } from "./parse.js";
import { readUploads } from "./uploads.js";
import { UsageError } from "./usage-error.js";
import { flagValue, readData } from "./values.js";

/** The SDK's flat params for an operation, from its flags and --data, checked against the spec. */
export async function buildParams(model: CliModel, op: CliOperation, flags: OperationFlag[], line: CommandLine, readStdin: () => string): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const flag of flags) {
    const occurrences = line.values.get(flag.flag);
    if (!occurrences) continue;
    (flag.in === "body" ? fields : params)[flag.key] = flagValue(flag, occurrences);
  }
  let body: unknown;
  const data = line.globals.data;
  if (data !== undefined) {
    if (!op.requestBody) throw new UsageError(`${commandName(op)} takes no request body, so --data does not apply.`);
    body = await readData(data, readStdin);
  }
  if (Object.keys(fields).length) {
    if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) {
      throw new UsageError("--data must be a JSON object when body field flags are given too.");
    }
    body = { ...(body as Record<string, unknown> | undefined), ...fields };
  }
  const requestBody = op.requestBody;
  // A required body that was not given is checked as {} so each missing field is named as a flag.
  let bodyValue = body ?? (requestBody?.required && isJsonBody(op) ? {} : undefined);
  if (line.globals.file?.length) {
    const uploads = readUploads(op, line.globals.file);
    if (uploads.whole) {
      if (body !== undefined) throw new UsageError(`${commandName(op)} sends the file as its whole body: give --file or --data, not both.`);
      body = uploads.whole;
      bodyValue = undefined; // bytes: nothing for the schema to check
    } else {
      if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) throw new UsageError("--data must be a JSON object of the form's other fields when --file is given too.");
      // a file field is checked as present (a File is not JSON; its bytes are the server's to judge)
      bodyValue = { ...(body as Record<string, unknown> | undefined), ...Object.fromEntries(Object.keys(uploads.fields).map((field) => [field, ""])) };
      body = { ...(body as Record<string, unknown> | undefined), ...uploads.fields };
    }
  }
  // the schema validator (Ajv) loads only when there is something to check: a call with no input to give starts without it
  const nothingToCheck = !Object.keys(params).length && bodyValue === undefined && flags.every((flag) => !flag.required);
  const { validateInput } = nothingToCheck ? { validateInput: () => [] } : await import("./validate.js");
  const problems = [
    ...sendProblems(flags, params),
    ...validateInput(
      flags,
      params,
      requestBody && bodyValue !== undefined ? { value: bodyValue, schema: requestBody.schema, fromData: data !== undefined } : null,
    ),
  ];
  if (problems.length) throw new UsageError(problems.join("\n"), `Run \`${model.api} ${commandName(op)} --help\` for its flags.`);
  if (body === undefined) return params;
  if (bodyModeOf(op) !== "flat") return { ...params, body };
  // in a flat body a field named like a parameter would become that parameter (another id in the path…)
  for (const key of Object.keys(body as Record<string, unknown>)) {
    const param = flags.find((f) => f.in !== "body" && f.key === key);
    if (param) throw new UsageError(`--data field "${key}" is a parameter of ${commandName(op)}, not a body field: give it as --${param.flag}.`);
  }
  return { ...params, ...(body as Record<string, unknown>) };
}


/** Values the SDK would refuse to send, whatever the schema says: a path value that leaves its segment, a header value with a line break. */
function sendProblems(flags: readonly OperationFlag[], params: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const flag of flags) {
    const value = params[flag.key];
    if (value === undefined || (flag.in !== "path" && flag.in !== "header")) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (flag.in === "path") {
      const problem = pathValueProblem(text);
      if (problem) problems.push(`--${flag.flag} ${problem}: a path parameter names one resource, and this value would send the request to another path.`);
    } else {
      const problem = headerValueProblem(text);
      if (problem) problems.push(`--${flag.flag} ${problem}.`);
    }
  }
  return problems;
}
