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

/** A TypeError when a credential cannot travel in a header; the message names `source`, never the value. */
export function checkCredential(value: string | undefined, source: string): void {
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
 * those, and they would end up in messages), or a path such as /api (browsers resolve it).
 */
export function baseUrlProblem(url: string): string | undefined {
  if (USERINFO.test(url)) return "must not contain user:password@ (pass the credential as the token)";
  return /^(https?:\/\/[^/]|\/|$)/i.test(url) ? undefined : "must be an http(s) URL such as https://api.example.com/v1";
}
