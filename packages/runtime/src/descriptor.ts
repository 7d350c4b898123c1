// The shape of the generated operation table (packages/<api>/generated/operations.ts, written by
// scripts/lib/model.mjs → operationTable). The runtime reads only this; the table is data, not code.

/** Where a parameter goes: the spec's `in`. */
export type ParamLocation = "path" | "query" | "header" | "cookie";

/** Page-number pagination of a list operation. */
export interface PaginationDescriptor {
  /** The query parameter that selects the page (1-based). */
  readonly page: string;
  /** The query parameter that sets the page size. */
  readonly pageSize: string;
  /** The property of the response body that holds the page's items. */
  readonly items: string;
  /** The property holding `{ total, page, page_size }`; absent when `total` sits at the top of the body. */
  readonly meta?: string;
}

/**
 * How to wait for the long-running work an operation starts: poll `poll` with `param` = the answer's
 * `from` field until its `field` is one of `done` (resolve) or `failed` (reject with the answer's `error`).
 */
export interface WaitDescriptor {
  readonly poll: string;
  readonly param: string;
  readonly from: string;
  readonly field: string;
  readonly done: readonly unknown[];
  readonly failed?: readonly unknown[];
  readonly error?: string;
  /** What is waited for, in messages: "action", "instance". */
  readonly what: string;
}

export interface OperationDescriptor {
  readonly method: string;
  /** The spec's path template, e.g. `/instances/{id}`. */
  readonly path: string;
  /** The operation's (or its path item's) own server, when it is not the API's; may be relative to it. */
  readonly server?: string;
  /** Every parameter of the operation by spec name. */
  readonly params?: { readonly [name: string]: ParamLocation };
  /** How `params` carries the body: its top-level properties ("flat") or a `body` key ("body"). */
  readonly body?: "flat" | "body";
  /** The request body's media type when it is not JSON (e.g. `multipart/form-data`). */
  readonly contentType?: string;
  /** Whether the success response has a JSON body. */
  readonly json?: boolean;
  /** The Accept header when the answer is not JSON: the 2xx media types (`application/pdf`, `text/csv`…). */
  readonly accept?: string;
  /** How a non-JSON answer is read: a string ("text": text/*, YAML, CSV…) or a Blob ("blob": PDF, bytes…). */
  readonly parseAs?: "text" | "blob";
  /** The Idempotency-Key header the spec declares for this operation, if any. */
  readonly idempotencyHeader?: string;
  readonly pagination?: PaginationDescriptor;
  /** The operation starts long-running work: its promise has `.wait()`. */
  readonly wait?: WaitDescriptor;
}

/** Where the fields of an error body live, derived from the spec's error schema. */
export interface ErrorShape {
  /** Path to the object holding the fields (`["error"]` for an envelope; absent for a flat body). */
  readonly path?: readonly string[];
  readonly code?: string;
  readonly message?: string;
  readonly title?: string;
  readonly details?: string;
  /** A request id carried in the body. */
  readonly requestId?: string;
  /** A response header carrying the request id. */
  readonly requestIdHeader?: string;
}

export interface ApiDescriptor {
  /** The API's name (folder of spec/), e.g. `cloudnexus`. */
  readonly name: string;
  /** The spec's first server. */
  readonly baseUrl: string;
  /** Environment variables read when the caller gives no token / base URL. */
  readonly env: { readonly token: string; readonly baseUrl: string };
  /** How credentials travel: a token header (with an optional scheme like Bearer) and/or a session cookie. */
  readonly auth: { readonly header?: string; readonly scheme?: string; readonly cookie?: string };
  readonly errorShape: ErrorShape;
  readonly operations: { readonly [operationId: string]: OperationDescriptor };
}
