// The shape of the model: the one intermediate built from a bundled spec (src/build/build-model.ts)
// and read by the SDK client, the CLI, the MCP server, the mock engine and the docs samples.
// generated/model.json is an ApiModel; generated/operations.ts an OperationTable; generated/cli-model.ts a CliModel.

/** A JSON Schema as the model inlines it (OpenAPI 3.1 = JSON Schema 2020-12). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Plain JSON data of a spec (examples, fixtures, patches). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ModelParameter {
  readonly name: string;
  /** The spec's `in`. */
  readonly in: ParamLocation;
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

/** Page-number pagination of a list operation. */
export interface Pagination {
  /** The query parameter that selects the page (1-based). */
  readonly page: string;
  /** The query parameter that sets the page size. */
  readonly pageSize: string;
  /** The property of the response body that holds the page's items. */
  readonly items: string;
  /** The property holding `{ total, page, page_size }`; null (absent in the table) when `total` sits at the top. */
  readonly meta?: string | null;
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

/** How an action object reports progress (`x-action-object` on its schema). */
export interface ActionObject {
  readonly status: string;
  readonly running: string;
  readonly done: string;
  readonly failed: string;
  readonly finishedAt?: string;
  readonly error?: string;
}

/** A stored resource the stateful mock keeps, inferred from a collection path and its item path. */
export interface ResourceModel {
  readonly collection: string;
  readonly item: string | null;
  readonly keyParam: string | null;
  readonly keyField: string;
  /** `#/components/schemas/…` of the stored items, when the spec names one. */
  readonly schema: string | null;
  /** The property of a list answer holding the items (null: the answer is the array). */
  readonly listKey: string | null;
  /** The property of an item answer that holds the item (`{ "droplet": {…} }`); null: the answer is the item. */
  readonly itemKey: string | null;
  readonly action: ActionObject | null;
}

/** `x-effect`: what an operation changes on the resource of its path. */
export interface Effect {
  set?: Record<string, Json>;
  add?: Record<string, Json>;
  remove?: Record<string, Json>;
  delete?: boolean;
  while?: Record<string, Json>;
  action?: string;
  duration?: number;
}

export type MockRoleName = "list" | "create" | "get" | "update" | "delete" | "subList" | "action" | "effect" | "example";

/** What the stateful mock does for an operation (src/build/resources.ts). */
export interface MockRole {
  readonly role: MockRoleName;
  readonly resource?: string;
  readonly parent?: string;
  readonly actions?: string | null;
  /** Query parameter → the field of the items it filters on (`a.b` for a nested one). */
  readonly filters?: Record<string, string>;
  readonly effect?: Effect;
  /** `x-mock-auth`: a patch of the success answer per security scheme that authenticated the request. */
  readonly auth?: Record<string, Record<string, Json>>;
}

export interface ModelResponse {
  readonly description: string;
  /** Whether it has a JSON body. */
  readonly hasBody: boolean;
  readonly contentTypes: readonly string[];
}

export interface ModelRequestBody {
  readonly required: boolean;
  readonly contentType?: string;
  readonly schema: JsonSchema;
}

export type ParseAs = "json" | "text" | "blob";
export type BodyMode = "flat" | "body";

export interface ModelOperation {
  readonly operationId: string;
  /** `instances` of `instances.list`; null for a method of the client itself. */
  readonly namespace: string | null;
  readonly name: string;
  readonly method: string;
  /** The spec's path template, e.g. `/instances/{id}`. */
  readonly path: string;
  /** The operation's own servers (else its path item's); null: the API's. */
  readonly servers: readonly string[] | null;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** Names of the security schemes that may authenticate it (none: anonymous). */
  readonly security: readonly string[];
  readonly parameters: readonly ModelParameter[];
  readonly requestBody: ModelRequestBody | null;
  readonly successStatus: string | null;
  readonly responses: Readonly<Record<string, ModelResponse>>;
  /** The 2xx media types, JSON first (`text/csv`, `application/pdf`…). */
  readonly successContentTypes: readonly string[];
  /** How the answer is read: JSON, a string ("text") or bytes ("blob"); null when it has no body. */
  readonly parseAs: ParseAs | null;
  /** "flat": body properties sit next to the parameters in the SDK's params; "body": under a `body` key. */
  readonly bodyMode: BodyMode | null;
  readonly pagination: Pagination | null;
  readonly idempotencyHeader: string | null;
  /** The SDK `params` of a call built from the spec's examples (docs samples, CLI and SDK tests). */
  readonly exampleParams: Readonly<Record<string, unknown>>;
  /** What the stateful mock does (`create`, `delete`, an `effect`…); the MCP server's hints read it too. */
  readonly mock: MockRole;
  /** The operation starts long-running work: how to wait for it (`.wait()`, `--wait`). */
  readonly wait: WaitDescriptor | null;
  /** The table columns the spec chose for this answer's items (`x-cli-columns`), for `-o table`. */
  readonly columns: readonly string[] | null;
}

/** Where the fields of an error body live, derived from the spec's error schema. */
export interface ErrorShape {
  /** Path to the object holding the fields (`["error"]` for an envelope; `[]` for a flat body). */
  readonly path: readonly string[];
  readonly code: string | null;
  readonly message: string | null;
  readonly title: string | null;
  readonly details: string | null;
  /** A request id carried in the body. */
  readonly requestId: string | null;
  /** A response header carrying the request id. */
  readonly requestIdHeader: string | null;
}

/** Where one security scheme's credential goes in a request. */
export interface CredentialPlacement {
  readonly in: "header" | "query" | "cookie";
  /** The header, query parameter or cookie name (`Authorization`, `X-API-Key`, `api_key`, `session`). */
  readonly name: string;
  /** The word before the credential in an Authorization header; `Basic` encodes `user:password` as base64. */
  readonly prefix?: "Bearer" | "Basic";
}

/**
 * How credentials travel, from the spec's security schemes (bearer, basic, API key in a header, query or
 * cookie, OAuth2 and OpenID Connect with the access token as a bearer token). One token fills every
 * scheme in `token`; a session fills the session cookie's scheme; a caller may give a credential per scheme.
 */
export interface AuthModel {
  /** Every scheme the SDK can fill, by its name in the spec. */
  readonly schemes: Readonly<Record<string, CredentialPlacement>>;
  /** The schemes the client's token fills, in the spec's order. */
  readonly token: readonly string[];
  /** The scheme a session ID fills (an API key in a cookie, next to a token scheme), or null. */
  readonly session: string | null;
  /** That session cookie's name (`session`), or null. */
  readonly cookie: string | null;
  /** The API's default security (scheme names; an operation without its own `security` has these). */
  readonly security: readonly string[];
}

/** The environment variables a client reads: `<API>_TOKEN` and `<API>_BASE_URL`. */
export interface EnvNames {
  readonly token: string;
  readonly baseUrl: string;
}

export interface ApiModel {
  /** The API's name (folder of spec/), e.g. `cloudnexus`: the package, its bin and its config folder. */
  readonly api: string;
  readonly title: string;
  readonly version: string;
  /** A short hash of the bundle, stamped into generated files so a stale build is detectable. */
  readonly specHash: string;
  /** The spec's servers, variables at their defaults. */
  readonly servers: readonly string[];
  readonly securitySchemes: Readonly<Record<string, Json>>;
  readonly env: EnvNames;
  readonly auth: AuthModel;
  readonly errorShape: ErrorShape;
  readonly resources: Readonly<Record<string, ResourceModel>>;
  /** The operation the CLI's `login` checks a token with, or null. */
  readonly login: string | null;
  /** Sorted by operationId. */
  readonly operations: readonly ModelOperation[];
  /** The spec's operations the generator cannot represent, each with the reason (in spec order). */
  readonly omitted: readonly OmittedOperation[];
}

/** An operation left out of the model: the build names it and says why; the rest of the API works. */
export interface OmittedOperation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | null;
  readonly reason: string;
}

// ---- Projections: what a bundle carries of the model ----

/** The fields of an operation the CLI bundle carries (src/cli-model.ts): no answers, no examples. */
export const CLI_OPERATION_FIELDS = [
  "operationId", "namespace", "name", "method", "path", "summary", "description", "tags", "security", "parameters", "requestBody",
  "successStatus", "successContentTypes", "parseAs", "bodyMode", "pagination", "idempotencyHeader", "columns", "wait", "mock",
] as const satisfies ReadonlyArray<keyof ModelOperation>;
export const CLI_MODEL_FIELDS = [
  "api", "title", "version", "specHash", "servers", "env", "auth", "login", "securitySchemes", "errorShape", "resources",
] as const satisfies ReadonlyArray<keyof ApiModel>;

export type CliOperation = Pick<ModelOperation, (typeof CLI_OPERATION_FIELDS)[number]>;
/** What the CLI, the MCP server and the `--mock` engine read of the model. */
export type CliModel = Pick<ApiModel, (typeof CLI_MODEL_FIELDS)[number]> & { readonly operations: readonly CliOperation[] };

/** Where a parameter goes: the spec's `in`. */
export type ParamLocation = "path" | "query" | "header" | "cookie";

/** One operation in the SDK's table (generated/operations.ts): what the client needs at run time. */
export interface OperationDescriptor {
  readonly method: string;
  readonly path: string;
  /** The operation's (or its path item's) own server, when it is not the API's; may be relative to it. */
  readonly server?: string;
  /** Every parameter of the operation by spec name. */
  readonly params?: { readonly [name: string]: ParamLocation };
  /** How `params` carries the body: its top-level properties ("flat") or a `body` key ("body"). */
  readonly body?: BodyMode;
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
  /** Its security schemes when they are not the API's default (`[]`: anonymous, no credential sent). */
  readonly security?: readonly string[];
}

/** Pagination as the table carries it (no null fields). */
export type PaginationDescriptor = Omit<Pagination, "meta"> & { readonly meta?: string };

/** ErrorShape as the table carries it (null fields dropped). */
export type ErrorShapeDescriptor = { readonly [K in keyof ErrorShape]?: NonNullable<ErrorShape[K]> };

/** The SDK's operation table (generated/operations.ts): a projection of the model, kept small. */
export interface OperationTable {
  /** The API's name (folder of spec/), e.g. `cloudnexus`. */
  readonly name: string;
  /** The spec's first server. */
  readonly baseUrl: string;
  /** Environment variables read when the caller gives no token / base URL. */
  readonly env: EnvNames;
  readonly auth: {
    readonly schemes?: Readonly<Record<string, CredentialPlacement>>;
    readonly token?: readonly string[];
    readonly session?: string;
    /** The API's default security; an operation with other schemes says so itself. */
    readonly security?: readonly string[];
  };
  readonly errorShape: ErrorShapeDescriptor;
  readonly operations: { readonly [operationId: string]: OperationDescriptor };
}
