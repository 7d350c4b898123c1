// The generic client every SDK's ApiClient extends. Its namespaces and methods are built at run time
// from the generated operation table; their types come from ClientMethods (see typed.ts).
import type { Client } from "openapi-fetch";
import { ApiPromise } from "./api-promise.js";
import { baseUrlProblem, checkCredential, withoutUserinfo } from "./checks.js";
import { credentialsFor, resolveCredentials } from "./credentials.js";
import type { OperationTable, OperationDescriptor } from "@repo/model";
import type { ClientOptions, RequestOptions } from "./options.js";
import { iterateItems, iteratePages } from "./pagination.js";
import { lazyRawClient } from "./raw-client.js";
import { fetchRequestFollowing } from "./redirects.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./read-body.js";
import { mergeHeaders, performRequest, type ApiResult, type ResolvedConfig } from "./request.js";
import { sleep } from "./retry.js";
import type { WaitOptions } from "./wait.js";

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const realTime = { now: () => Date.now(), sleep };

/** Reads an environment variable where there is one (Node, Deno, Bun); undefined in browsers. */
function env(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return process?.env?.[name] || undefined;
}

/** The client's headers plus the credentials of the API's default security that travel in a header or a cookie. */
function withCredential(config: ResolvedConfig): Record<string, string> {
  const headers = { ...config.headers };
  const cookies: string[] = [];
  for (const { placement, value } of credentialsFor(config.api, {}, config.credentials)) {
    if (placement.in === "header") headers[placement.name] = value;
    if (placement.in === "cookie") cookies.push(`${placement.name}=${encodeURIComponent(value)}`);
  }
  if (cookies.length) headers.Cookie = cookies.join("; ");
  return headers;
}

export class BaseClient<Paths extends {} = {}> {
  readonly #config: ResolvedConfig;
  #raw: Client<Paths> | undefined;

  constructor(api: OperationTable, token?: string, options: ClientOptions = {}) {
    const credential = token ?? env(api.env.token);
    // a set-up mistake, found here rather than as a failed (and retried) request quoting the token
    checkCredential(credential, token === undefined ? api.env.token : "The token");
    checkCredential(options.session, "The session");
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.userAgent) mergeHeaders(headers, { "User-Agent": options.userAgent });
    // each operation sends the credential of one of its schemes (none when it is anonymous)
    const credentials = resolveCredentials(api, credential, options.session, options.credentials);
    mergeHeaders(headers, options.headers);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const given: unknown = options.baseUrl ?? env(api.env.baseUrl) ?? api.baseUrl;
    const typeProblem = typeof given === "string" ? undefined : baseUrlProblem(given);
    if (typeProblem) throw new TypeError(`The base URL ${typeProblem}.`);
    const baseUrl = (given as string).replace(/\/+$/, "");
    const problem = baseUrlProblem(baseUrl);
    if (problem) throw new TypeError(`The base URL ${problem}, got "${withoutUserinfo(baseUrl)}".`);
    this.#config = {
      api,
      baseUrl,
      overrideOperationServers: options.overrideOperationServers ?? false,
      headers,
      credentials,
      timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      // called unbound: some fetch implementations require `this` to be globalThis
      fetch: (input, init) => fetchImpl(input, init),
      logger: options.logger,
      onRetry: options.onRetry,
      clock: options.clock ?? realTime,
    };
    this.#installMethods(api);
  }

  /** The base URL requests go to. */
  get baseUrl(): string {
    return this.#config.baseUrl;
  }

  /**
   * Calls any operation by its operationId with flat params (the same shape as the typed methods).
   * Untyped by name; used by the CLI and generic tools.
   */
  request(operationId: string, params?: Record<string, unknown>, options?: RequestOptions): Promise<ApiResult<unknown>> {
    return performRequest(this.#config, operationId, params, options);
  }

  /**
   * The typed openapi-fetch client with the same base URL, credentials and headers (no retries):
   * `client.raw.GET("/path", { params })`. openapi-fetch is loaded on the first call.
   */
  get raw(): Client<Paths> {
    return (this.#raw ??= lazyRawClient<Paths>({
      baseUrl: this.#config.baseUrl,
      // the raw client has no operation table: it sends the credential of the API's default schemes
      headers: withCredential(this.#config),
      // redirects by the SDK's rule, as for the methods
      fetch: (request: Request) => fetchRequestFollowing(this.#config.fetch, request),
    }));
  }

  #installMethods(api: OperationTable): void {
    const target = this as unknown as Record<string, unknown>;
    const namespaces = new Set<string>();
    for (const [operationId, op] of Object.entries(api.operations)) {
      const dot = operationId.lastIndexOf(".");
      const namespace = operationId.slice(0, Math.max(dot, 0));
      const name = operationId.slice(dot + 1);
      const method = this.#method(operationId, op);
      if (!namespace) {
        if (name in target) throw new Error(`operationId "${operationId}" clashes with the client's own "${name}".`);
        target[name] = method;
      } else {
        if (!namespaces.has(namespace)) {
          if (namespace in target) throw new Error(`Namespace "${namespace}" clashes with the client's own "${namespace}".`);
          namespaces.add(namespace);
          target[namespace] = {};
        }
        (target[namespace] as Record<string, unknown>)[name] = method;
      }
    }
  }

  #method(operationId: string, op: OperationDescriptor) {
    const send = (params?: Record<string, unknown>, options?: RequestOptions) =>
      performRequest(this.#config, operationId, params, options);
    const wait = op.wait;
    const call = (id: string, params: Record<string, unknown>, options?: RequestOptions) => performRequest(this.#config, id, params, options);
    const method = wait
      ? (params?: Record<string, unknown>, options?: RequestOptions) => {
          const promise = new ApiPromise(send(params, options));
          // `.wait()`: the same call's answer, then polling until the work it started is done
          return Object.assign(promise, {
            // loaded on first use, so a bundle that never waits does not carry the poller
            wait: async (waitOptions?: WaitOptions) => {
              const [{ data, response }, { waitUntilDone }] = await Promise.all([promise.withResponse(), import("./wait.js")]);
              return waitUntilDone(call, wait, data, waitOptions, response, this.#config.clock);
            },
          });
        }
      : (params?: Record<string, unknown>, options?: RequestOptions) => new ApiPromise(send(params, options));
    const pagination = op.pagination;
    if (!pagination) return method;
    return Object.assign(method, {
      all: (params?: Record<string, unknown>, options?: RequestOptions) => iterateItems(send, pagination, params, options),
      pages: (params?: Record<string, unknown>, options?: RequestOptions) => iteratePages(send, pagination, params, options),
    });
  }
}
