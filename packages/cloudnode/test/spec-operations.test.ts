// Every operation of the Cloudnode spec, called with the typed client against the Prism mock: each
// declared response (via Prism's `Prefer` header), the default answer, both auth schemes, and the 401
// Prism gives when credentials are missing. Expected bodies are the spec's own examples, read from the
// bundle; the statuses each operation must declare are the v4 contract (issue 4), written here once.
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { deref as derefIn, type ApiModel, type ModelOperation } from "@repo/model";
import { createClient } from "../src/index.js";

type Json = Record<string, unknown>;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")) as T;
const bundle = readJson<Json>("../generated/openapi.json");
const model = readJson<ApiModel>("../generated/model.json");
/** Follows a local `#/…` ref of the bundle (the bundle has no other kind). */
const deref = (node: unknown): Json => derefIn(bundle, node) as Json;

const operationOf = (op: ModelOperation) => deref((bundle.paths as Json)[op.path])[op.method.toLowerCase()] as Json;
const responseOf = (op: ModelOperation, status: string) => deref((operationOf(op).responses as Json)[status]);
/** The response's named examples, in spec order: [name, value]. */
const examplesOf = (op: ModelOperation, status: string): [string, unknown][] => {
  const media = (responseOf(op, status).content as Json)["application/json"] as Json;
  return Object.entries(media.examples as Json).map(([name, example]) => [name, deref(example).value]);
};
const headersOf = (op: ModelOperation, status: string) => Object.keys((responseOf(op, status).headers as Json) ?? {});

/** The v4 contract: which operations exist, whether they need credentials, what they answer. */
const contract: Record<string, { secured: boolean; permission: string | null; statuses: string[] }> = {
  info: { secured: true, permission: null, statuses: ["200", "401", "403", "429", "500", "503"] },
  check: { secured: false, permission: null, statuses: ["200", "429", "500", "503"] },
  "auth.check": { secured: true, permission: null, statuses: ["200", "401", "429", "500", "503"] },
  "account.get": { secured: true, permission: "account", statuses: ["200", "401", "403", "429", "500", "503"] },
  "account.identity": {
    secured: true,
    permission: "account.identity",
    statuses: ["200", "401", "403", "404", "429", "500", "503"],
  },
};

// Every request goes through this fetch, which records the operation it reached (by method and path).
const exercised = new Set<string>();
const recordingFetch: typeof fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const path = new URL(request.url).pathname;
  const op = model.operations.find((o) => o.method === request.method && o.path === path);
  if (!op) throw new Error(`${request.method} ${path} is not an operation of the spec`);
  exercised.add(op.operationId);
  return fetch(request);
};

type Raw = ReturnType<typeof createClient>;
type Call = (client: Raw, headers: Record<string, string>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
/** One typed call per operation: the compiler checks each path against the generated types. */
const calls: Record<string, Call> = {
  info: (client, headers) => client.GET("/", { headers }),
  check: (client, headers) => client.GET("/check", { headers }),
  "auth.check": (client, headers) => client.GET("/auth/check", { headers }),
  "account.get": (client, headers) => client.GET("/account", { headers }),
  "account.identity": (client, headers) => client.GET("/account/identity", { headers }),
};

const token = "token_8aKq2sV1xPzR";
const sessionCookie = "session=5f0c9a7e3b2d41c8a6e1f4b7d9c2e8a0";
type Auth = "bearer" | "cookie" | "none";

interface Case {
  name: string;
  op: ModelOperation;
  auth: Auth;
  headers: Record<string, string>;
  status: string;
  body: unknown;
}

/** One case per operation × declared response × named example, plus the default answer per scheme. */
function responseCases(): Case[] {
  const cases: Case[] = [];
  for (const op of model.operations) {
    const schemes: Auth[] = op.security.length ? ["bearer", "cookie"] : ["none"];
    const success = op.successStatus ?? "";
    for (const auth of schemes) {
      const [, firstExample] = examplesOf(op, success)[0] ?? [];
      cases.push({ name: `${op.operationId} (${auth}) → default ${success}`, op, auth, headers: {}, status: success, body: firstExample });
    }
    for (const status of Object.keys(operationOf(op).responses as Json)) {
      for (const [example, body] of examplesOf(op, status)) {
        const headers = { Prefer: `code=${status}, example=${example}` };
        cases.push({ name: `${op.operationId} (${schemes[0]}) → ${status} ${example}`, op, auth: schemes[0] ?? "none", headers, status, body });
      }
    }
  }
  return cases;
}

/** Ways to send no usable credential for either scheme; Prism must answer the spec's 401. */
const missingCredentials: [string, Record<string, string>][] = [
  ["no credentials at all", {}],
  ["a Cookie header without `session` (cookie scheme missing)", { Cookie: "theme=dark" }],
  ["an Authorization header that is not Bearer (bearer scheme missing)", { Authorization: "Basic dXNlcjpwYXNz" }],
];

const clientFor = (auth: Auth): Raw =>
  createClient({ baseUrl: inject("mockUrl"), ...(auth === "bearer" ? { token } : {}), fetch: recordingFetch });
const authHeaders = (auth: Auth): Record<string, string> => (auth === "cookie" ? { Cookie: sessionCookie } : {});
const callOf = (op: ModelOperation): Call => {
  const call = calls[op.operationId];
  if (!call) throw new Error(`no call for ${op.operationId}: add one to the calls table`);
  return call;
};

describe("the Cloudnode spec declares the v4 contract", () => {
  it("has exactly the v4 operations, each with its security, permission node and statuses", () => {
    const declared = Object.fromEntries(
      model.operations.map((op) => [
        op.operationId,
        {
          secured: op.security.length > 0,
          permission: operationOf(op)["x-permission"],
          statuses: Object.keys(operationOf(op).responses as Json),
        },
      ]),
    );
    expect(declared).toEqual(contract);
    for (const op of model.operations) {
      expect(op.security, op.operationId).toEqual(contract[op.operationId]?.secured ? ["bearerToken", "sessionCookie"] : []);
    }
  });

  it("puts X-Response-Id and Access-Control-Allow-Origin (browsers call it) on every response, and Retry-After on 429 and 503", () => {
    for (const op of model.operations) {
      for (const status of Object.keys(operationOf(op).responses as Json)) {
        const every = ["X-Response-Id", "Access-Control-Allow-Origin"];
        const want = ["429", "503"].includes(status) ? [...every, "Retry-After"] : every;
        expect(headersOf(op, status), `${op.operationId} ${status}`).toEqual(want);
      }
    }
  });

  it("marks 429, 500 and 503 as extensions the v4 reference does not document", () => {
    for (const op of model.operations) {
      for (const status of Object.keys(operationOf(op).responses as Json)) {
        const extension = ["429", "500", "503"].includes(status);
        expect(responseOf(op, status)["x-cloudnode-undocumented"], `${op.operationId} ${status}`).toBe(extension ? true : undefined);
      }
    }
  });
});

describe("every operation against the Prism mock", () => {
  it.each(responseCases().map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { data, error, response } = await callOf(c.op)(clientFor(c.auth), { ...authHeaders(c.auth), ...c.headers });
    expect(response.status).toBe(Number(c.status));
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data ?? error).toEqual(c.body);
    for (const header of headersOf(c.op, c.status)) expect(response.headers.get(header), header).not.toBeNull();
  });

  const secured = model.operations.filter((op) => op.security.length > 0);
  const unauthorisedCases = secured.flatMap((op) =>
    missingCredentials.map(([how, headers]) => [`${op.operationId} with ${how} → the seed's 401`, op, headers] as const),
  );
  it.each(unauthorisedCases)("%s", async (_name, op, headers) => {
    const { data, error, response } = await callOf(op)(clientFor("none"), headers);
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toEqual(examplesOf(op, "401")[0]?.[1]);
    expect(error).toMatchObject({ code: "err_unauthorised", title: "Authentication credentials are missing" });
    expect(response.headers.get("x-response-id")).not.toBeNull();
    // Prism reports the missing credential as its only violation of the request.
    const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as { code: unknown }[];
    expect(violations.map((v) => v.code)).toEqual([401]);
  });

  it("exercised exactly the spec's operations", () => {
    expect([...exercised].sort()).toEqual(model.operations.map((op) => op.operationId).sort());
  });
});
