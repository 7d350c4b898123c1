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
  if (given !== undefined && (given === null || typeof given !== "object" || Array.isArray(given))) {
    throw new TypeError("The credentials option must be an object of security scheme name → credential.");
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

/**
 * HTTP Basic's base64 of `user:password` (UTF-8). A token without a colon is the user name with an empty
 * password, the way APIs that take an API key over Basic (Stripe's) expect it.
 */
function basic(value: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(value.includes(":") ? value : `${value}:`)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A credential placed: where it goes and the value sent. */
export interface PlacedCredential {
  readonly placement: CredentialPlacement;
  readonly value: string;
}

const place = (placement: CredentialPlacement, value: string): PlacedCredential => ({
  placement,
  value: placement.prefix === "Basic" ? `Basic ${basic(value)}` : placement.prefix ? `${placement.prefix} ${value}` : value,
});

/**
 * What the operation sends: the credential of the first of its schemes the caller has one for, and the
 * session cookie too when the operation accepts it (a session travels like a browser's cookie).
 */
export function credentialsFor(api: OperationTable, op: Pick<OperationDescriptor, "security">, credentials: Credentials): PlacedCredential[] {
  const schemes = op.security ?? api.auth.security ?? [];
  const first = schemes.find((scheme) => api.auth.schemes?.[scheme] && credentials[scheme] !== undefined);
  const chosen = [first, api.auth.session].filter((scheme, i, all): scheme is string => Boolean(scheme) && schemes.includes(scheme!) && credentials[scheme!] !== undefined && all.indexOf(scheme) === i);
  return chosen.map((scheme) => place(api.auth.schemes![scheme]!, credentials[scheme]!));
}

/** Names that carry a credential of this API (headers and query parameters), for redaction. */
export function secretNames(api: OperationTable): { headers: string[]; query: string[] } {
  const placements = Object.values(api.auth.schemes ?? {});
  return {
    headers: placements.filter((p) => p.in === "header").map((p) => p.name.toLowerCase()),
    query: placements.filter((p) => p.in === "query").map((p) => p.name),
  };
}
