// What may go into a header, a path segment and a base URL. Shared by the SDK (which throws a
// TypeError before anything is sent) and the CLI (which reports a usage error). A message here never
// repeats the value: it may be a credential.

/** Header names: RFC 9110 tokens. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Not an RFC 9110 field-value: a control character other than HTAB, a character above U+00FF, or whitespace at either end. */
const BAD_FIELD_VALUE = /[^\t\x20-\x7E\x80-\xFF]|^[\t ]|[\t ]$/;

/** Why `value` cannot be sent as a header value, or undefined when it can. */
export function headerValueProblem(value: string): string | undefined {
  return BAD_FIELD_VALUE.test(value) ? "has a control character (a line break?), a non-Latin-1 character or whitespace at an end, which a header cannot carry" : undefined;
}

/** A TypeError unless `name: value` is a valid header; names the header, never the value. */
export function checkHeader(name: string, value: string): void {
  if (!HEADER_NAME.test(name)) throw new TypeError(`${JSON.stringify(name)} is not a valid HTTP header name.`);
  const problem = headerValueProblem(value);
  if (problem) throw new TypeError(`The value of the ${name} header ${problem}.`);
}

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`);

/**
 * A TypeError when a credential cannot travel in a header (not a string, or a string a header cannot
 * carry); the message names `source`, never the value.
 */
export function checkCredential(value: unknown, source: string): void {
  if (value !== undefined && typeof value !== "string") throw new TypeError(`${source} must be a string, got ${kind(value)} (its value is not shown).`);
  const problem = value ? headerValueProblem(value) : undefined;
  if (problem) throw new TypeError(`${source} ${problem}; check how it was copied (its value is not shown).`);
}

/** Why a path parameter's text would leave its segment once the URL is parsed ("", ".", ".."), or undefined. */
export function pathValueProblem(text: string): string | undefined {
  if (text === "") return "cannot be empty";
  // URL parsing resolves dot segments: /instances/.. is /, /instances/. is the list
  if (text === "." || text === "..") return `cannot be "${text}"`;
  return undefined;
}

const USERINFO = /^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i;

/** `https://user:pass@host/x` → `https://host/x`, for messages. */
export const withoutUserinfo = (url: string): string => url.replace(USERINFO, "$1");

/**
 * Why a base URL cannot be used, or undefined: an http(s) URL without user:password@ (fetch refuses
 * those, and they would end up in messages), or a path such as /api (browsers resolve it). One that
 * does not parse ("http://exa mple.com", "http://[::1") is refused here: every attempt would fail alike.
 */
export function baseUrlProblem(url: unknown): string | undefined {
  if (typeof url !== "string") return `must be a string, got ${kind(url)}`;
  if (USERINFO.test(url)) return "must not contain user:password@ (pass the credential as the token)";
  if (!/^(https?:\/\/[^/]|\/|$)/i.test(url)) return "must be an http(s) URL such as https://api.example.com/v1";
  try {
    // a path resolves against the page (any origin will do to check its syntax)
    new URL(url, "http://localhost");
  } catch {
    return "is not a valid URL (a space, an unclosed [ of an IPv6 address?)";
  }
  return undefined;
}
