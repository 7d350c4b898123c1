// Which credential an operation sends, and where: the spec's security schemes (operation table `auth`)
// decide. One token fills every token scheme (bearer, basic, API key in a header, query or cookie,
// OAuth2 / OpenID Connect access tokens); a session fills the session cookie; `credentials` names a
// value per scheme for an API with several. An anonymous operation sends none.
import type { CredentialPlacement, OperationDescriptor, OperationTable } from "@repo/model";
import { checkCredential } from "./checks.js";

/** Scheme name → the credential the caller gave for it. */
export type Credentials = Readonly<Record<string, string>>;

/** The credentials of a client: the token for each token scheme, the session for the cookie, then `given` per scheme. */
export function resolveCredentials(api: OperationTable, token: string | undefined, session: string | undefined, given: Record<string, string> | undefined): Credentials {
  const auth = api.auth;
  const credentials: Record<string, string> = {};
  if (token) for (const scheme of auth.token ?? []) credentials[scheme] = token;
  if (session) {
    if (!auth.session) throw new TypeError(`The ${api.name} API has no session cookie; pass a token instead.`);
    credentials[auth.session] = session;
  }
  for (const [scheme, value] of Object.entries(given ?? {})) {
    if (!Object.hasOwn(auth.schemes ?? {}, scheme)) {
      const known = Object.keys(auth.schemes ?? {});
      throw new TypeError(`The ${api.name} API has no security scheme "${scheme}"; it has ${known.length ? known.map((k) => `"${k}"`).join(", ") : "none"}.`);
    }
    if (typeof value !== "string") throw new TypeError(`The credential for "${scheme}" must be a string.`);
    checkCredential(value, `The credential for "${scheme}"`);
    credentials[scheme] = value;
  }
  return credentials;
}

/** `user:password` → base64 (UTF-8); a value without a colon is taken as encoded already. */
function basic(value: string): string {
  if (!value.includes(":")) return value;
  let binary = "";
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Where the operation's credential goes: the first of its schemes the caller has a credential for. */
export function credentialFor(api: OperationTable, op: OperationDescriptor, credentials: Credentials): { placement: CredentialPlacement; value: string } | undefined {
  for (const scheme of op.security ?? api.auth.security ?? []) {
    const placement = api.auth.schemes?.[scheme];
    const value = credentials[scheme];
    if (placement && value !== undefined) {
      return { placement, value: placement.prefix === "Basic" ? `Basic ${basic(value)}` : placement.prefix ? `${placement.prefix} ${value}` : value };
    }
  }
  return undefined;
}

/** Names that carry a credential of this API (headers and query parameters), for redaction. */
export function secretNames(api: OperationTable): { headers: string[]; query: string[] } {
  const placements = Object.values(api.auth.schemes ?? {});
  return {
    headers: placements.filter((p) => p.in === "header").map((p) => p.name.toLowerCase()),
    query: placements.filter((p) => p.in === "query").map((p) => p.name),
  };
}
