// Checks a spec path before it becomes a method: every `{name}` is a declared path parameter and every
// other character is one a URL path may carry literally. A path like `/files/<upload_url>` or `/{}`
// would otherwise become a method that sends a broken URL.
import { UsageError } from "./usage-error.js";

// RFC 3986 pchar (unreserved, sub-delims, ":" and "@") and "%" of an escape; "{…}" is checked apart
const LITERAL = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/;

/** Throws a one-line UsageError naming the path and the fix when `path` is not a usable template. */
export function checkPathTemplate(method: string, path: string, pathParams: readonly string[]): void {
  const fail = (why: string, fix: string): never => {
    throw new UsageError(`${method} ${path}: ${why}; ${fix}.`);
  };
  if (!path.startsWith("/")) fail("a path must start with /", `write "/${path}"`);
  const names: string[] = [];
  for (const segment of path.split("/").slice(1)) {
    // a segment is literal text and {name} templates, e.g. "{id}" or "{name}.json"
    const literal = segment.replace(/\{([^{}/]*)\}/g, (_, name: string) => {
      if (!name) fail(`the segment "${segment}" has an empty {}`, "name the parameter, e.g. {id}, and declare it with in: path");
      names.push(name);
      return "";
    });
    if (/[{}]/.test(literal)) fail(`the segment "${segment}" has unbalanced braces`, "write a parameter as {name} and declare it with in: path");
    if (!LITERAL.test(literal)) {
      const bad = [...literal].find((c) => !LITERAL.test(c));
      fail(
        `the segment "${segment}" holds "${bad}", which is not a literal URL path character`,
        `if it stands for a value, write it as {${segment.replace(/[^A-Za-z0-9_]+/g, "") || "name"}} and declare that path parameter; else percent-encode it`,
      );
    }
  }
  for (const name of names) {
    if (!pathParams.includes(name)) fail(`{${name}} is not a declared path parameter`, `declare { name: ${name}, in: path, required: true } on the operation or its path item`);
  }
}
