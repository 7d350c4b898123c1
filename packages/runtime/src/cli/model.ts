// The slice of the generated operation model (packages/<api>/generated/model.json) the CLI reads.
// Fields the model builder may add later are optional here, so an older model still drives the CLI.
import type { WaitDescriptor } from "../descriptor.js";

/** A JSON Schema as the model inlines it (OpenAPI 3.1 = JSON Schema 2020-12). */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface ModelParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

export interface ModelPagination {
  /** Query parameter holding the page number. */
  readonly page: string;
  /** Query parameter holding the page size. */
  readonly pageSize: string;
  /** Property of the response body holding the page's items. */
  readonly items: string;
  /** Property of the response body holding the position (`total`), or null when it is top-level. */
  readonly meta?: string | null;
}

export interface ModelOperation {
  readonly operationId: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly security: readonly string[];
  readonly parameters: readonly ModelParameter[];
  readonly requestBody: { readonly required: boolean; readonly contentType?: string; readonly schema: JsonSchema } | null;
  readonly successStatus: string | null;
  /** The 2xx media types, JSON first (`text/csv`, `application/pdf`…). */
  readonly successContentTypes?: readonly string[];
  /** How the answer is read: JSON, a string ("text") or bytes ("blob"); null when it has no body. */
  readonly parseAs?: "json" | "text" | "blob" | null;
  /** "flat": body properties sit next to the parameters in the SDK's params; "body": under a `body` key. */
  readonly bodyMode?: "flat" | "body" | null;
  readonly pagination?: ModelPagination | null;
  /** The table columns the spec chose for this answer's items (`x-cli-columns`), for `-o table`. */
  readonly columns?: readonly string[] | null;
  /** The operation starts long-running work: how to wait for it (`--wait`). */
  readonly wait?: WaitDescriptor | null;
  /** What the stateful mock does (`create`, `delete`, an `effect`…); the MCP server's hints read it too. */
  readonly mock?: { readonly role?: string; readonly effect?: { readonly [key: string]: unknown } | null } | null;
}

export interface CliModel {
  /** The API's folder name under spec/ (also the CLI's name and config folder). */
  readonly api: string;
  readonly title: string;
  readonly version: string;
  readonly specHash: string;
  readonly servers: readonly string[];
  readonly env?: { readonly token: string; readonly baseUrl: string };
  /** How credentials travel; `cookie` names the session cookie when the API has one. */
  readonly auth?: { readonly cookie?: string | null };
  /** The operation `login` checks a token with (scripts/lib/model.mjs), or null. */
  readonly login?: string | null;
  readonly operations: readonly ModelOperation[];
}

/** `instances.list` → `instances/list`; `check` → `check`. */
export const commandName = (operation: Pick<ModelOperation, "operationId">): string =>
  operation.operationId.replaceAll(".", "/");

/** The environment variable names of an API (from the model when it says, else `<API>_TOKEN`). */
export function envNames(model: CliModel): { token: string; baseUrl: string } {
  if (model.env) return { token: model.env.token, baseUrl: model.env.baseUrl };
  const prefix = model.api.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return { token: `${prefix}_TOKEN`, baseUrl: `${prefix}_BASE_URL` };
}

/**
 * The model as generated/cli-model.ts packs it (scripts/lib/cli-model.mjs): `{ shared, value }`, each
 * `{ $s: i }` in either standing for `shared[i]`. Every use gets its own copy, so no caller can change
 * another operation's schema through a shared one.
 */
export function unpackModel(packed: { shared: unknown[]; value: unknown }): CliModel {
  const expand = (node: unknown): unknown => {
    if (!node || typeof node !== "object") return node;
    if (Array.isArray(node)) return node.map(expand);
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && Number.isInteger(record.$s)) return expand(packed.shared[record.$s as number]);
    const copy: Record<string, unknown> = {};
    for (const key of keys) copy[key] = expand(record[key]);
    return copy;
  };
  return expand(packed.value) as CliModel;
}
