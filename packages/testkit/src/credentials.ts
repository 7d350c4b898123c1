// Where the SDK puts a token for an operation (the client's own placement, from the model's security
// schemes), for suites that make the same request with plain fetch.
import { credentialsFor, resolveCredentials } from "@repo/client/internal";
import { operationTable } from "@repo/model/build";
import type { SdkPackage } from "./package.js";

/** The credentials the SDK sends for `operationId` (the API's default security when it is omitted). */
function placed(pkg: SdkPackage, operationId: string | undefined, token: string) {
  const table = operationTable(pkg.model);
  return credentialsFor(table, operationId ? table.operations[operationId]! : {}, resolveCredentials(table, token, undefined, undefined));
}

/** Where the SDK puts `token` for the operation (the client's own placement), as plain fetch headers. */
export function credentialHeaders(pkg: SdkPackage, operationId: string | undefined, token: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { placement, value } of placed(pkg, operationId, token)) {
    if (placement.in === "header") headers[placement.name] = value;
    if (placement.in === "cookie") headers.cookie = `${placement.name}=${encodeURIComponent(value)}`;
  }
  return headers;
}

/** `url` with the token in the query when the operation's scheme carries it there. */
export function withCredential(pkg: SdkPackage, operationId: string | undefined, token: string, url: string): string {
  const target = new URL(url);
  for (const { placement, value } of placed(pkg, operationId, token)) {
    if (placement.in === "query") target.searchParams.set(placement.name, value);
  }
  return target.href;
}

