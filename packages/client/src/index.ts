// The SDK core shared by every SDK; bundled into each SDK package at build time.
import type { Client } from "openapi-fetch";
import { baseUrlProblem, checkCredential, withoutUserinfo } from "./checks.js";
import { fetchRequestFollowing } from "./redirects.js";
import { lazyRawClient } from "./raw-client.js";

export * from "./public.js";
export { BaseClient } from "./client.js";
export type { ErrorShapeDescriptor, OperationDescriptor, OperationTable, PaginationDescriptor, ParamLocation, WaitDescriptor } from "@repo/model";
export type { ClientMethods, OperationMethod, Paginated } from "./typed.js";

export interface RawClientOptions {
  /** Base URL of the API, e.g. the spec's first server or a mock's URL. */
  baseUrl: string;
  /** Bearer token sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** A fetch implementation (defaults to the global fetch). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** A typed openapi-fetch client for `Paths`, authenticated with a bearer token when one is given. */
export function createRawClient<Paths extends {}>(options: RawClientOptions): Client<Paths> {
  checkCredential(options.token, "The token");
  const problem = baseUrlProblem(options.baseUrl);
  if (problem) throw new TypeError(`The base URL ${problem}, got "${withoutUserinfo(options.baseUrl)}".`);
  // lazy like `client.raw`: a static import would keep openapi-fetch in every bundle (it does not declare
  // itself free of side effects, so bundlers cannot drop an unused import of it)
  const { fetch } = options;
  return lazyRawClient<Paths>({
    baseUrl: options.baseUrl,
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    fetch: (request: Request) => fetchRequestFollowing(fetch ?? globalThis.fetch, request),
  });
}
