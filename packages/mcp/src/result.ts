// What a tool call answers: the response body as JSON text (one page of a list, with how to get the
// next), or an error result (`isError: true`) the model can read — never a thrown error, so the
// server stays up. Every text goes through `redact`, so the token never reaches the client.
import { ActionFailedError, ApiError, ConnectionError, InvalidResponseError } from "@repo/client";
import type { CliOperation } from "@repo/model";
import { toolName } from "./names.js";

export interface ToolResult {
  [key: string]: unknown;
  content: Array<{ type: "text"; text: string }>;
  isError?: boolean;
}

type Redact = (text: string) => string;

const text = (redact: Redact, ...parts: string[]): ToolResult["content"] => parts.map((part) => ({ type: "text", text: redact(part) }));

export function successResult(op: CliOperation, args: Record<string, unknown>, data: unknown, response: Response, redact: Redact): ToolResult {
  const body =
    data === undefined || data === null || data === ""
      ? `${response.status} ${response.statusText || "OK"} (no content)`
      : data instanceof Blob
        ? `${response.status} ${response.statusText || "OK"}: ${data.size} bytes of ${data.type || "binary data"} (not shown; the CLI's --out-file saves them)`
        : typeof data === "string"
          ? data
          : JSON.stringify(data);
  const notes = [nextPageNote(op, args, data), pollNote(op, data)].filter((note): note is string => note !== undefined);
  const shown = body.length > MAX_RESULT_CHARS ? [body.slice(0, MAX_RESULT_CHARS), cutNote(body.length)] : [body];
  return { content: text(redact, ...shown, ...notes) };
}

/**
 * The most of an answer a tool result carries: a client reads at most 10 MiB a message (the official
 * SDK's stdio limit, which ends the session when passed), escaping can double JSON text, and no model
 * reads that much anyway.
 */
export const MAX_RESULT_CHARS = 1024 * 1024;

const cutNote = (length: number) =>
  `(cut: the answer has ${length} characters; the first ${MAX_RESULT_CHARS} are shown above, so it is not whole JSON. Ask for less: a smaller page, a filter.)`;

/** `next page: {"page":3}` when `page * page_size < total`: a list answers one page, never every item at once. */
function nextPageNote(op: CliOperation, args: Record<string, unknown>, data: unknown): string | undefined {
  const pagination = op.pagination;
  if (!pagination || !isObject(data)) return undefined;
  const position = pagination.meta ? data[pagination.meta] : data;
  const total = isObject(position) ? position.total : undefined;
  if (typeof total !== "number") return undefined;
  const page = numberOr(args[pagination.page], defaultOf(op, pagination.page, 1));
  const pageSize = numberOr(args[pagination.pageSize], defaultOf(op, pagination.pageSize, 25));
  if (page * pageSize >= total) return undefined;
  return `next page: ${JSON.stringify({ [pagination.page]: page + 1 })} (page ${page} of ${Math.ceil(total / pageSize)}, ${total} items in all; call ${toolName(op.operationId)} again with the same arguments and ${pagination.page} ${page + 1})`;
}

/** For long-running work: which tool tells when it is done. */
function pollNote(op: CliOperation, data: unknown): string | undefined {
  const wait = op.wait;
  if (!wait || !isObject(data)) return undefined;
  const key = data[wait.from];
  if (typeof key !== "string" && typeof key !== "number") return undefined;
  const done = wait.done.map((v) => JSON.stringify(v)).join(" or ");
  return `long-running: call ${toolName(wait.poll)} ${JSON.stringify({ [wait.param]: key })} until its ${wait.field} is ${done}`;
}

/** A failed call as a tool error naming what went wrong (status, code, message, request id for an API error). */
export function errorResult(error: unknown, redact: Redact, tokenEnv: string, bin: string): ToolResult {
  if (error instanceof ApiError) {
    const summary = {
      status: error.status,
      ...(error.code ? { code: error.code } : {}),
      message: messageOf(error),
      ...(error.requestId ? { request_id: error.requestId } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    };
    const hint = error.status === 401 ? [`Check the token: set ${tokenEnv} in this server's environment, or run \`${bin} login\`.`] : [];
    return { isError: true, content: text(redact, `The API answered ${error.message}`, JSON.stringify({ error: summary }), ...hint) };
  }
  if (error instanceof ConnectionError || error instanceof InvalidResponseError || error instanceof ActionFailedError) {
    return { isError: true, content: text(redact, `Error: ${error.message}`) };
  }
  // the client refuses what it cannot send (a path value with a slash, a header with a line break…)
  if (error instanceof TypeError || error instanceof RangeError) return { isError: true, content: text(redact, `Invalid arguments: ${error.message}`) };
  return { isError: true, content: text(redact, `Error: ${error instanceof Error ? error.message : String(error)}`) };
}

export function invalidArgumentsResult(toolName: string, problems: readonly string[], redact: Redact): ToolResult {
  return { isError: true, content: text(redact, `Invalid arguments for ${toolName}:\n${problems.map((p) => `- ${p}`).join("\n")}`) };
}

/** The API's own message (the body's), else the SDK's whole line. */
function messageOf(error: ApiError): string {
  const body = error.body;
  const inner = isObject(body) && isObject(body.error) ? body.error : body;
  if (isObject(inner) && typeof inner.message === "string") return inner.message;
  return error.message;
}

function defaultOf(op: CliOperation, name: string, fallback: number): number {
  const value = op.parameters.find((p) => p.name === name)?.schema.default;
  return typeof value === "number" ? value : fallback;
}

const numberOr = (value: unknown, fallback: number): number => (typeof value === "number" && Number.isFinite(value) ? value : fallback);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
