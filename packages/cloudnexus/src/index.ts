// The CloudNexus SDK: the shared client core (@repo/client), the generated operation table and the generated types.
// No method is written here: ApiClient's namespaces are built from generated/operations.ts.
import { BaseClient, createRawClient, type ClientMethods, type ClientOptions, type RawClientOptions } from "@repo/client";
import { api } from "../generated/operations.js";
import type { operations, paths } from "../generated/schema.js";

// webhooks: the payloads the API sends to your server (typed, documented; not client methods)
export type { components, operations, paths, webhooks } from "../generated/schema.js";
export * from "@repo/client/public";

/** The API's production URL: the first server of the spec. */
export const defaultBaseUrl: string = api.baseUrl;

/** The CloudNexus client: `new ApiClient(key?, options?)`, then `client.<namespace>.<method>(params?, options?)`. */
export interface ApiClient extends ClientMethods<operations, typeof api.operations> {}
export class ApiClient extends BaseClient<paths> {
  /** @param token The token to send; default `CLOUDNEXUS_TOKEN` from the environment. */
  constructor(token?: string, options?: ClientOptions) {
    super(api, token, options);
  }
}

/** A typed openapi-fetch client for the CloudNexus API. */
export function createClient(options: Partial<RawClientOptions> = {}) {
  return createRawClient<paths>({ ...options, baseUrl: options.baseUrl ?? defaultBaseUrl });
}
