// Types of the generated methods, computed from openapi-typescript's `operations` and the generated
// operation table. Nothing here exists at run time.
import type { ApiPromise } from "./api-promise.js";
import type { OperationDescriptor } from "@repo/model";
import type { RequestOptions } from "./options.js";
import type { WaitOptions } from "./wait.js";

/** Flattens an intersection; over a union (a oneOf body) member by member, so no member is lost. */
type Simplify<T> = T extends unknown ? { [K in keyof T]: T[K] } & {} : never;
type Defined<T> = [Exclude<T, undefined>] extends [never] ? {} : Exclude<T, undefined>;
type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;

/** `{ a: 1 } | undefined` for `query?: {...}`; `{}` for `query?: never`. */
type Part<P, K extends string> = K extends keyof P ? Defined<P[K]> : {};

type ParamsOf<O> = O extends { parameters: infer P } ? Part<P, "path"> & Part<P, "query"> & Part<P, "header"> & Part<P, "cookie"> : {};

type JsonContent<C> = C extends { content: infer M } ? ("application/json" extends keyof M ? M["application/json"] : M[keyof M]) : never;

/** Media types read as JSON and as text, as scripts/lib/media-types.mjs classifies them (the rest: a Blob). */
type JsonMedia = `${string}/json` | `${string}/json;${string}` | `${string}+json` | `${string}+json;${string}`;
type TextWord = "yaml" | "xml" | "csv" | "javascript" | "ndjson";
type TextMedia = `text/${string}` | `${string}/${TextWord}` | `${string}${"+" | "." | "-"}${TextWord}` | `${string}/${TextWord};${string}`;

/** What the SDK resolves with for an answer's content: the JSON type, a string for text, else a Blob. */
type ResultContent<C> = C extends { content: infer M }
  ? [Extract<keyof M, JsonMedia>] extends [never]
    ? [keyof M] extends [never]
      ? undefined
      : [Extract<keyof M, TextMedia>] extends [never]
        ? Blob
        : string
    : M[Extract<keyof M, JsonMedia>]
  : never;

/** The request body type, or never when the operation takes none. */
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonContent<Exclude<B, undefined>> : never;
type BodyOptional<O> = O extends { requestBody: unknown } ? false : true;

type BodyInput<O, D> = D extends { body: "flat" }
  ? BodyOptional<O> extends true
    ? Partial<BodyOf<O>>
    : BodyOf<O>
  : D extends { body: "body" }
    ? BodyOptional<O> extends true
      ? { body?: BodyOf<O> }
      : { body: BodyOf<O> }
    : {};

/** The idempotency header is filled in by the SDK, so callers may leave it out. */
type WithOptionalKey<T, D> = T extends unknown
  ? D extends { idempotencyHeader: infer H extends string }
    ? H extends keyof T
      ? Omit<T, H> & { [K in H]?: T[H] }
      : T
    : T
  : never;

/**
 * The flat `params` of an operation: path, query, header and cookie parameters under their spec names,
 * plus the JSON body's top-level properties (or the body under `body` when a name clashes).
 */
export type OperationParams<O, D> = OrNone<Simplify<WithOptionalKey<ParamsOf<O> & BodyInput<O, D>, D>>>;

/**
 * An operation without inputs takes no keys at all (`{}` would accept any object). Member by member: the
 * keys of a union are only those its members share, none for a oneOf body of distinct fields.
 */
type OrNone<T> = [T] extends [never] ? T : T extends unknown ? ([keyof T] extends [never] ? { [key: string]: never } : T) : never;

type StatusCode<K> = K extends number | string ? `${K}` : never;

/** The body of the operation's 2xx response(s) as the SDK reads it (JSON, a string, a Blob); `undefined` when it has none. */
export type OperationResult<O> = O extends { responses: infer R }
  ? {
      [K in keyof R]: StatusCode<K> extends `2${string}` ? (R[K] extends { content: unknown } ? ResultContent<R[K]> : undefined) : never;
    }[keyof R] extends infer T
    ? [T] extends [never]
      ? undefined
      : T
    : never
  : never;

type Args<P> = {} extends P ? [params?: P, options?: RequestOptions] : [params: P, options?: RequestOptions];

/** A generated method: `client.<namespace>.<name>(params?, options?)`. */
export type OperationMethod<O, D> = ((...args: Args<OperationParams<O, D>>) => ApiPromise<OperationResult<O>> & WaitOf<OperationResult<O>, D>) &
  (D extends { pagination: { items: infer I extends string } } ? Paginated<O, D, I> : {});

/** `.wait()`, only on the promises of operations that start long-running work (the table's `wait`). */
type WaitOf<R, D> = D extends { wait: object } ? Waitable<R> : {};

export interface Waitable<R> {
  /**
   * Resolves once the work this call started is done (the action `completed`, the instance `running`),
   * with the last answer polled; rejects with ActionFailedError if it failed, TimeoutError after
   * `timeout`, the signal's reason when aborted (the work goes on).
   */
  wait(options?: WaitOptions<R>): Promise<R>;
}

type ItemOf<R, I extends string> = R extends { [K in I]?: infer A } ? (A extends readonly (infer E)[] ? E : never) : never;

export interface Paginated<O, D, I extends string> {
  /** Every item of every page, fetched page by page as you iterate. */
  all(...args: Args<OperationParams<O, D>>): AsyncIterableIterator<ItemOf<OperationResult<O>, I>>;
  /** Every page (body with its meta), from `params.page` (default 1) to the last. */
  pages(...args: Args<OperationParams<O, D>>): AsyncIterableIterator<OperationResult<O>>;
}

/** `a.b.c` → ["a.b", "c"]; `check` → ["", "check"] (the last dot separates the method, as in the model). */
type SplitId<S extends string, Acc extends string = ""> = S extends `${infer H}.${infer T}`
  ? SplitId<T, Acc extends "" ? H : `${Acc}.${H}`>
  : [Acc, S];

type NamespaceOf<K> = K extends string ? SplitId<K>[0] : never;
type NameOf<K> = K extends string ? SplitId<K>[1] : never;

/** Every namespace and method of an API, from its operations and operation table. */
// The table may lack operations the types have (a webhook's, one the build left out): only both become methods.
export type ClientMethods<Ops, Table extends { readonly [K in keyof Ops]?: OperationDescriptor }> = {
  [N in Exclude<NamespaceOf<keyof Table>, "">]: {
    [K in keyof Table & keyof Ops as NamespaceOf<K> extends N ? NameOf<K> : never]: OperationMethod<Ops[K], Table[K]>;
  };
} & {
  [K in keyof Table & keyof Ops as NamespaceOf<K> extends "" ? K : never]: OperationMethod<Ops[K], Table[K]>;
};
