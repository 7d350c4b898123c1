// The errors every SDK throws. A non-2xx response becomes an ApiError (a subclass per status); a
// request that got no response becomes a ConnectionError or TimeoutError; a 2xx body that is not the
// JSON the spec promises becomes an InvalidResponseError.
import type { ErrorShapeDescriptor } from "@repo/model";
import { parseRetryAfter } from "./retry.js";

/** The fields read from an error body (per the API's error schema) and the response. */
export interface ApiErrorFields {
  code?: string | undefined;
  message?: string | undefined;
  title?: string | undefined;
  details?: unknown;
  requestId?: string | undefined;
  /** Seconds the server asked to wait (a valid Retry-After header), rounded up. */
  retryAfter?: number | undefined;
}

/** The API answered with a non-2xx status. */
export class ApiError extends Error {
  override name = "ApiError";
  /** The HTTP status. */
  readonly status: number;
  /** The API's machine-readable error code (e.g. `err_unauthorised`, `VALIDATION_ERROR`). */
  readonly code: string | undefined;
  /** Cloudnode's short summary of the error, when the API sends one. */
  readonly title: string | undefined;
  /** CloudNexus's per-field problems, when the API sends them. */
  readonly details: unknown;
  /** The request id to quote to support (from the body or the response headers). */
  readonly requestId: string | undefined;
  /**
   * Seconds to wait before trying again, from a valid Retry-After header (429, 503…). When it is
   * longer than the client waits (60 s), the request was not retried: schedule it yourself.
   */
  readonly retryAfter: number | undefined;
  /** The parsed body (or its text when it is not JSON). */
  readonly body: unknown;
  /** The raw response; its body has been read. */
  readonly response: Response;

  constructor(status: number, fields: ApiErrorFields, body: unknown, response: Response) {
    super(describe(status, response.statusText, fields, body));
    this.status = status;
    this.code = fields.code;
    this.title = fields.title;
    this.details = fields.details;
    this.requestId = fields.requestId;
    this.retryAfter = fields.retryAfter;
    this.body = body;
    this.response = response;
  }
}

export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}
export class ServiceUnavailableError extends ApiError {
  override name = "ServiceUnavailableError";
}

/** No response arrived: DNS failure, refused or reset connection. `cause` holds the underlying error. */
export class ConnectionError extends Error {
  override name = "ConnectionError";
}

/** No response arrived within the timeout (per request or per client), retries included per attempt. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}

/** Long-running work (`.wait()`, `--wait`) ended in failure: the last answer, and why it failed. */
export class ActionFailedError extends Error {
  override name = "ActionFailedError";
  /** The last answer polled (e.g. the action with `status: "errored"`). */
  readonly action: unknown;
  /** The failure's machine-readable reason, when the answer gives one (e.g. `CAPACITY_UNAVAILABLE`). */
  readonly code: string | undefined;
  constructor(message: string, action: unknown, code: string | undefined) {
    super(message);
    this.action = action;
    this.code = code;
  }
}

/** A response arrived but its body is not what the spec promises (e.g. malformed JSON). */
export class InvalidResponseError extends Error {
  override name = "InvalidResponseError";
  readonly status: number;
  /** The body text as received. */
  readonly body: string;
  readonly response: Response;
  constructor(message: string, response: Response, body: string, options?: ErrorOptions) {
    super(message, options);
    this.status = response.status;
    this.body = body;
    this.response = response;
  }
}

const CLASSES: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  500: InternalServerError,
  503: ServiceUnavailableError,
};

/** Reads code/message/title/details/request id from a parsed error body, where the spec says they are. */
export function readErrorFields(shape: ErrorShapeDescriptor, body: unknown, response: Response): ApiErrorFields {
  let node: unknown = body;
  for (const key of shape.path ?? []) node = isObject(node) ? node[key] : undefined;
  const obj = isObject(node) ? node : {};
  const str = (key: string | undefined) => (key && typeof obj[key] === "string" ? (obj[key] as string) : undefined);
  const wait = parseRetryAfter(response.headers.get("retry-after"));
  // a spec that declares no error schema: the fields most APIs use (RFC 9457's detail and title, `message`, `error`)
  const top = isObject(body) ? body : {};
  const nested = isObject(top.error) ? top.error : {};
  const conventional = (...values: unknown[]) => values.find((value): value is string => typeof value === "string" && value !== "");
  return {
    retryAfter: wait === undefined ? undefined : Math.ceil(wait / 1000),
    code: str(shape.code) ?? (shape.code ? undefined : conventional(top.code, nested.code)),
    message: str(shape.message) ?? (shape.message ? undefined : conventional(top.message, top.detail, nested.message, top.error)),
    title: str(shape.title) ?? (shape.title ? undefined : conventional(top.title)),
    details: shape.details ? obj[shape.details] : undefined,
    requestId:
      str(shape.requestId) ?? (shape.requestIdHeader ? response.headers.get(shape.requestIdHeader) ?? undefined : undefined),
  };
}

/** The ApiError subclass for a status, from the parsed body and its `text`. */
export function createApiError(shape: ErrorShapeDescriptor, body: unknown, response: Response, text = ""): ApiError {
  const ErrorClass = CLASSES[response.status] ?? ApiError;
  const error = new ErrorClass(response.status, readErrorFields(shape, body, response), body, response);
  // the message and fields come from the whole body; the error keeps at most 64 KiB of it, as text
  if (text.length > KEPT_BODY_CHARS) (error as { body: unknown }).body = keptBody(text);
  return error;
}

/** How much of a body an error keeps (errors get logged, serialized and kept around). */
const KEPT_BODY_CHARS = 64 * 1024;

/** A body as an error keeps it: whole up to 64 KiB, else its start and a note saying so. */
export function keptBody(text: string): string {
  return text.length <= KEPT_BODY_CHARS ? text : `${text.slice(0, KEPT_BODY_CHARS)}… [cut by the SDK at ${KEPT_BODY_CHARS} of ${text.length} characters]`;
}

function describe(status: number, statusText: string, fields: ApiErrorFields, body: unknown): string {
  const head = `${status}${fields.code ? ` ${fields.code}` : statusText ? ` ${statusText}` : ""}`;
  const text =
    [fields.title, fields.message].filter(Boolean).join(": ") ||
    (typeof body === "string" && body ? `the body is not JSON: ${body.replace(/\s+/g, " ").slice(0, 120)}` : "no error message");
  const wait = fields.retryAfter ? ` (retry after ${fields.retryAfter} s)` : "";
  return `${head}: ${text}${detailLines(fields.details)}${wait}${fields.requestId ? ` (request id ${fields.requestId})` : ""}`;
}

/** Per-field details, e.g. `[{ field: "region", reason: "Must be one of …" }]` → ` (region: Must be one of …)`. */
function detailLines(details: unknown): string {
  if (!Array.isArray(details) || !details.length) return "";
  const lines = details.slice(0, 5).map((d) => (isObject(d) ? Object.values(d).map(String).join(": ") : String(d)));
  return ` (${lines.join("; ")}${details.length > 5 ? `; +${details.length - 5} more` : ""})`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
