// The CloudNexus SDK: a thin hand-written layer over the generated types and operation model.
import { createRawClient, type RawClientOptions } from "@repo/runtime";
import { model } from "../generated/model.js";
import type { paths } from "../generated/schema.js";

export type { components, operations, paths } from "../generated/schema.js";

/** The API's production URL: the first server of the spec. */
export const defaultBaseUrl: string = model.servers[0];

/** A typed openapi-fetch client for the CloudNexus API. */
export function createClient(options: Partial<RawClientOptions> = {}) {
  return createRawClient<paths>({ ...options, baseUrl: options.baseUrl ?? defaultBaseUrl });
}
