// Every operation of the spec through the SDK's generated methods against the Prism mock, together
// covering every operationId of the bundled spec.
import { describe, expect, inject, it } from "vitest";
import { expectDeclaredStatus } from "./answer-status.js";
import type { SdkPackage, SuiteOperation } from "./package.js";

type Method = (params?: Record<string, unknown>) => { withResponse(): Promise<{ data: unknown; response: Response }> };
type ClientClass = new (token: string, options: { baseUrl: string; fetch: typeof fetch; maxRetries: number; overrideOperationServers: boolean }) => object;

/**
 * Every operation of the spec, called through the SDK's generated methods against the Prism mock with
 * params built from the spec's own examples (model.json's exampleParams): each must answer its
 * success status with no request violation, and together they must cover every operationId.
 */
export function sdkOperationsSuite(pkg: SdkPackage, options: { ApiClient: ClientClass; token: string }): void {
  const operations = pkg.model.operations;
  /** The operationIds of the bundled spec itself, not of the model the SDK is built from, but those the build left out (and named). */
  const leftOut = new Set(pkg.model.omitted.map((op) => op.operationId));
  const specOperationIds = Object.values(pkg.spec.paths as Record<string, Record<string, { operationId?: string }>>)
    .flatMap((item) => Object.values(item).map((op) => op?.operationId))
    .filter((id): id is string => typeof id === "string" && !leftOut.has(id))
    .sort();

  /** The operation a request reached, by method and path template, recorded by the fetch the SDK uses. */
  const exercised = new Set<string>();
  // the most literal template first: `/user/login` is login's, not `/user/{username}`'s
  const templates = operations
    .map((op) => ({ op, pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`), templated: (op.path.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.templated - b.templated);
  const recordingFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const base = new URL(inject("mockUrl")).pathname.replace(/\/$/, "");
    const path = url.pathname.slice(base.length) || "/";
    const match = templates.find(({ op, pattern }) => op.method === method && pattern.test(path));
    if (match) exercised.add(match.op.operationId);
    return fetch(input, init);
  };
  const methodOf = (client: object, op: SuiteOperation): Method => {
    const owner = (op.namespace ? (client as Record<string, unknown>)[op.namespace] : client) as Record<string, Method>;
    return owner[op.name] as Method;
  };

  describe(`every operation through the ${pkg.name} SDK`, () => {
    // the mock serves every operation, those with a server of their own (another host) too
    const client = new options.ApiClient(options.token, { baseUrl: inject("mockUrl"), fetch: recordingFetch, maxRetries: 0, overrideOperationServers: true });

    it.each(operations.map((op) => [op.operationId, op] as const))("%s", async (_id, op) => {
      const { response } = await methodOf(client, op)(op.exampleParams).withResponse();
      expect(response.headers.get("sl-violations")).toBeNull();
      expectDeclaredStatus(op, response.status);
    });

    it("the calls above reached every operationId of the spec, and nothing else", () => {
      expect([...exercised].sort()).toEqual(specOperationIds);
    });
  });
}
