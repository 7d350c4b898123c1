// The runtime shared by every SDK; bundled into each SDK package at build time.
import createClient, { defaultPathSerializer, type Client } from "openapi-fetch";
import { baseUrlProblem, checkCredential, withoutUserinfo } from "./checks.js";
import { segmentSafe } from "./raw-client.js";

export * from "./public.js";
export { BaseClient } from "./client.js";
export type { ApiDescriptor, ErrorShape, OperationDescriptor, PaginationDescriptor, ParamLocation } from "./descriptor.js";
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
  return createClient<Paths>({
    baseUrl: options.baseUrl,
    pathSerializer: segmentSafe(defaultPathSerializer),
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
