// What a hostile server and a careless caller meet in the package's built SDK (dist/, what is packed):
// a redirect to another origin gets no header the caller added and no body; set-up mistakes (a base URL
// that does not parse, a token that is not a string, an operation name from Object.prototype) are
// TypeErrors before anything is sent, never retried; an answer is passed on as the server sent it
// (the SDK does not validate shapes, as the README says).
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { reply, startFaultServer, type FaultServer } from "@repo/mock-server/fault-server";
import { bodyOperation } from "./cli-hostile-suite.js";
import { jsonReadOperation, probeOperation, type SdkPackage } from "./package.js";
import { credentialHeaders } from "./credentials.js";

type Call = (params?: Record<string, unknown>, options?: Record<string, unknown>) => Promise<unknown>;
interface BuiltClient {
  request(operationId: string, params?: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
}
type ClientClass = new (token?: unknown, options?: Record<string, unknown>) => BuiltClient;

/** The typed method of an operation on a client. */
const methodOf = (client: BuiltClient, op: { namespace: string | null; name: string }): Call => {
  const owner = (op.namespace ? op.namespace.split(".").reduce<any>((o, k) => o[k], client) : client) as Record<string, Call>;
  return owner[op.name]!.bind(owner);
};

export function sdkHostileSuite(pkg: SdkPackage): void {
  let ApiClient: ClientClass;
  beforeAll(async () => {
    ({ ApiClient } = await import(join(pkg.dir, "dist/index.js")));
  });
  const servers: FaultServer[] = [];
  const serve = async (...script: Parameters<typeof startFaultServer>) => {
    const server = await startFaultServer(...script);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const probe = probeOperation(pkg);
  // the header the probe's credential travels in (the SDK's own placement)
  const authHeader = (Object.keys(credentialHeaders(pkg, probe.operationId, "t"))[0] ?? "authorization").toLowerCase();

  describe(`${pkg.name} SDK: redirects`, () => {
    it("a 302 to another origin carries no header the caller or the SDK added (client and call headers, the token)", async () => {
      const other = await serve(reply.json(200, {}));
      const origin = await serve((_req, res) => res.writeHead(302, { location: `${other.url}/elsewhere` }).end());
      const client = new ApiClient("sdk-hostile-token", { baseUrl: origin.url, headers: { "X-Api-Key": "client-secret" }, maxRetries: 0 });
      await methodOf(client, probe)(probe.exampleParams, { headers: { "X-Call-Secret": "call-secret" } });
      expect(origin.requests[0]!.headers["x-api-key"]).toBe("client-secret");
      expect(other.requests).toHaveLength(1);
      const sent = other.requests[0]!.headers;
      expect(sent["x-api-key"]).toBeUndefined();
      expect(sent["x-call-secret"]).toBeUndefined();
      expect(sent[authHeader]).toBeUndefined();
      expect(JSON.stringify(sent)).not.toMatch(/secret|sdk-hostile-token/);
      expect(sent.accept).toBe("application/json");
    });

    it("client.raw follows the same rule", async () => {
      const other = await serve(reply.json(200, {}));
      const origin = await serve((_req, res) => res.writeHead(302, { location: `${other.url}/elsewhere` }).end());
      const client = new ApiClient("sdk-hostile-token", { baseUrl: origin.url, headers: { "X-Api-Key": "client-secret" } }) as BuiltClient & { raw: { GET(path: string, init: unknown): Promise<{ response: Response }> } };
      const path = probe.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(String(probe.exampleParams[name])));
      const { response } = await client.raw.GET(path, { headers: { "X-Call-Secret": "call-secret" } });
      expect(response.status).toBe(200);
      expect(origin.requests[0]!.headers["x-call-secret"]).toBe("call-secret");
      expect(JSON.stringify(other.requests[0]!.headers)).not.toMatch(/secret|sdk-hostile-token/);
    });

    it("a 302 within the origin keeps them", async () => {
      let first = true;
      const origin = await serve((req, res) => {
        if (first) {
          first = false;
          res.writeHead(302, { location: "/moved" }).end();
        } else reply.json(200, {})(req, res);
      });
      const client = new ApiClient("sdk-hostile-token", { baseUrl: origin.url, headers: { "X-Api-Key": "client-secret" }, maxRetries: 0 });
      await methodOf(client, probe)(probe.exampleParams);
      expect(origin.requests.map((r) => [r.url, r.headers["x-api-key"]])).toEqual([[expect.any(String), "client-secret"], ["/moved", "client-secret"]]);
    });

    // an API without a request body has no body to carry off
    const op = bodyOperation(pkg);
    if (op) it.each([307, 308])("a %i of a request with a body to another origin is not followed: nothing reaches it, a ConnectionError, no retry", async (status) => {
      const other = await serve(reply.json(200, {}));
      const origin = await serve((_req, res) => res.writeHead(status, { location: `${other.url}/elsewhere` }).end());
      const client = new ApiClient("sdk-hostile-token", { baseUrl: origin.url, headers: { "X-Api-Key": "client-secret" } });
      const error = (await methodOf(client, op)(op.exampleParams, { idempotencyKey: "k1" }).catch((e: unknown) => e)) as Error;
      expect(error.name).toBe("ConnectionError");
      expect(error.message).toMatch(new RegExp(`redirect of a ${op.method} to another origin .*does not send a request body there; not retried \\(1 attempt\\)`));
      expect(other.requests).toHaveLength(0);
      expect(origin.requests).toHaveLength(1);
    });

    if (op) it("a 307 within the origin replays the body, as fetch would", async () => {
      let first = true;
      const origin = await serve((req, res) => {
        if (first) {
          first = false;
          res.writeHead(307, { location: "/again" }).end();
        } else reply.json(200, {})(req, res);
      });
      await methodOf(new ApiClient("t", { baseUrl: origin.url, maxRetries: 0 }), op)(op.exampleParams).catch(() => undefined);
      expect(origin.requests).toHaveLength(2);
      expect(origin.requests[1]!.body).toBe(origin.requests[0]!.body);
      expect(origin.requests[1]!.method).toBe(op.method);
    });
  });

  describe(`${pkg.name} SDK: set-up mistakes are TypeErrors, nothing sent, never retried`, () => {
    it.each(["http://exa mple.com", "http://[::1", "https://host:99999"])("the base URL %j, at construction", async (baseUrl) => {
      expect(() => new ApiClient("t", { baseUrl })).toThrow(TypeError);
      expect(() => new ApiClient("t", { baseUrl })).toThrow(/^The base URL is not a valid URL/);
    });

    it("a call's own base URL that does not parse: a TypeError at the call, no request", async () => {
      const server = await serve(reply.json(200, {}));
      const client = new ApiClient("t", { baseUrl: server.url });
      await expect(methodOf(client, probe)(probe.exampleParams, { baseUrl: "http://[::1" })).rejects.toThrow(TypeError);
      expect(server.requests).toHaveLength(0);
    });

    it.each([["an array", ["a", "b"]], ["a number", 12345], ["an object", { token: "x" }]])("a token that is %s", async (kind, token) => {
      const server = await serve(reply.json(200, {}));
      expect(() => new ApiClient(token, { baseUrl: server.url })).toThrow(TypeError);
      expect(() => new ApiClient(token, { baseUrl: server.url })).toThrow(`The token must be a string, got ${kind}`);
      expect(server.requests).toHaveLength(0);
    });

    it("a base URL that is not a string", () => {
      expect(() => new ApiClient("t", { baseUrl: 5 })).toThrow(new TypeError("The base URL must be a string, got a number."));
    });

    it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])("client.request(%j) is an unknown operation", async (name) => {
      const server = await serve(reply.json(200, {}));
      const error = (await new ApiClient("t", { baseUrl: server.url }).request(name).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(new RegExp(`^Unknown operation "${name}" of the`));
      expect(server.requests).toHaveLength(0);
    });
  });

  // only an operation whose body fields sit next to its parameters has a field to lose
  const flat = bodyOperation(pkg);
  if (flat?.bodyMode === "flat")
    describe(`${pkg.name} SDK: a body built from parsed JSON`, () => {
      it("a field named __proto__ is sent as a field, not taken as a prototype", async () => {
        const server = await serve(reply.json(200, {}));
        // what JSON.parse makes of {"__proto__": …}: an own property
        const params = Object.fromEntries([["__proto__", { polluted: true }], ...Object.entries(flat.exampleParams)]);
        await methodOf(new ApiClient("t", { baseUrl: server.url, maxRetries: 0 }), flat)(params).catch(() => undefined);
        const sent = JSON.parse(server.requests[0]!.body);
        expect(Object.getOwnPropertyDescriptor(sent, "__proto__")?.value).toEqual({ polluted: true });
      });
    });

  // an API whose answers carry no content has no answer to pass on
  const read = jsonReadOperation(pkg);
  if (read) describe(`${pkg.name} SDK: answers are passed on as sent (no shape validation)`, () => {
    it.each([["null", null], ["an array", [1, 2]], ["a string", "text"]])("a 200 whose body is %s where the spec says object resolves to it", async (_name, body) => {
      const server = await serve(reply.json(200, body));
      await expect(methodOf(new ApiClient("t", { baseUrl: server.url }), read)(read.exampleParams)).resolves.toEqual(body);
    });
  });
}
