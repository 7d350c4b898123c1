// The engine core without any server: the real CloudNexus and Cloudnode bundles and models, a fake
// clock, and engine.handle() called directly.
import { apiArtifacts } from "@repo/model/build";
import { describe, expect, it } from "vitest";
import { createEngine, FixtureError, type EngineModel, type EngineOptions } from "../src/index.js";

type Json = any;

/** The bundle and model of spec/<api>/, built the way the SDK packages build them. */
const load = (api: string): [Json, EngineModel] => {
  const artifacts = apiArtifacts(api);
  return [artifacts.doc(), artifacts.model()];
};
const [nexus, nexusModel] = load("cloudnexus");
const [node, nodeModel] = load("cloudnode");

const START = Date.parse("2025-06-01T12:00:00.000Z");
/** A seeded instance of the spec (running): the one the actions below work on. */
const INSTANCE = "inst_29f8b3a1";
const createBody = { name: "web-1", region: "fra1", plan: "s-1vcpu-1gb", image: "ubuntu-24-04" };

/** An engine on a fake clock; `call("POST /path?query", { headers, body })` with a bearer token by default. */
function setup(options: EngineOptions = {}, [doc, model] = [nexus, nexusModel] as [Json, EngineModel]) {
  let t = START;
  const engine = createEngine(doc, model, { now: () => t, ...options });
  const call = (request: string, { headers = {}, body }: { headers?: Record<string, string>; body?: Json } = {}) => {
    const [method, target] = request.split(" ") as [string, string];
    const [path, search] = target.split("?") as [string, string | undefined];
    return engine.handle({ method, path, query: new URLSearchParams(search ?? ""), headers: { authorization: "Bearer cn_test_x", ...headers }, body });
  };
  return { engine, call, advance: (ms: number) => void (t += ms), now: () => t };
}

const iso = (ms: number) => new Date(ms).toISOString();
const pattern = (schema: string) => new RegExp(nexus.components.schemas[schema].pattern);

describe("actions", () => {
  it("stay in_progress until actionDuration has elapsed, then complete and apply their effect", () => {
    const { call, advance } = setup({ actionDuration: 5000 });
    const started = call(`POST /instances/${INSTANCE}/actions/stop`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ type: "stop", status: "in_progress", resource: { type: "instance", id: INSTANCE }, started_at: iso(START), completed_at: null });

    advance(4999);
    expect(call(`GET /actions/${started.body.id}`).body.status).toBe("in_progress");
    expect(call(`GET /instances/${INSTANCE}`).body.status).toBe("running");

    advance(1);
    expect(call(`GET /actions/${started.body.id}`).body).toMatchObject({ status: "completed", started_at: iso(START), completed_at: iso(START + 5000) });
    expect(call(`GET /instances/${INSTANCE}`).body.status).toBe("stopped");
    expect(call(`GET /instances/${INSTANCE}/actions`).body.actions.map((action: Json) => action.id)).toContain(started.body.id);
  });

  it("resolve request expressions when started, apply them when done", () => {
    const { call, advance } = setup({ actionDuration: 100 });
    call(`POST /instances/${INSTANCE}/actions/resize`, { body: { plan: "standard-8" } });
    expect(call(`GET /instances/${INSTANCE}`).body.plan).toBe("standard-4");
    advance(100);
    expect(call(`GET /instances/${INSTANCE}`).body.plan).toBe("standard-8");
  });

  it("complete at once with actionDuration: 0", () => {
    const { call } = setup({ actionDuration: 0 });
    const done = call(`POST /instances/${INSTANCE}/actions/stop`);
    expect(done.body).toMatchObject({ status: "completed", started_at: iso(START), completed_at: iso(START) });
    expect(call(`GET /instances/${INSTANCE}`).body.status).toBe("stopped");
  });

  it("take 1000 ms without actionDuration or x-effect.duration", () => {
    const { call, advance } = setup();
    const action = call(`POST /instances/${INSTANCE}/actions/stop`).body;
    advance(999);
    expect(call(`GET /actions/${action.id}`).body.status).toBe("in_progress");
    advance(1);
    expect(call(`GET /actions/${action.id}`).body.completed_at).toBe(iso(START + 1000));
  });

  it("a delete action removes the resource only when it completes", () => {
    const { engine, call, advance } = setup({ actionDuration: 2000 });
    const before = call("GET /instances").body.meta.total;
    const action = call(`DELETE /instances/${INSTANCE}`);
    expect(action.status).toBe(202);
    expect(action.body).toMatchObject({ type: "delete", status: "in_progress", resource: { id: INSTANCE } });

    advance(1999);
    expect(call(`GET /instances/${INSTANCE}`).status).toBe(200);
    expect(call("GET /instances").body.meta.total).toBe(before);

    advance(1);
    expect(call(`GET /actions/${action.body.id}`).body.status).toBe("completed");
    const gone = call(`GET /instances/${INSTANCE}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: "NOT_FOUND", message: `No instance with id ${INSTANCE} exists.` });
    expect(call("GET /instances").body.meta.total).toBe(before - 1);
    expect(engine.items("instances").map((item) => item.id)).not.toContain(INSTANCE);
  });

  it("engine.items() sees an action that is due as completed, without another request", () => {
    const { engine, call, advance } = setup({ actionDuration: 10 });
    const action = call(`POST /instances/${INSTANCE}/actions/stop`).body;
    advance(10);
    expect(engine.items("actions").find((item) => item.id === action.id)?.status).toBe("completed");
    expect(engine.items("instances").find((item) => item.id === INSTANCE)?.status).toBe("stopped");
  });

  it("a create's action moves the new instance from pending to running", () => {
    const { call, advance } = setup({ actionDuration: 50 });
    const created = call("POST /instances", { body: createBody });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...createBody, status: "pending", tags: [], created_at: iso(START) });
    const [action] = call(`GET /instances/${created.body.id}/actions`).body.actions;
    expect(action).toMatchObject({ type: "create", status: "in_progress", resource: { id: created.body.id } });
    advance(50);
    expect(call(`GET /instances/${created.body.id}`).body.status).toBe("running");
  });
});

describe("ids", () => {
  /** The ids one fixed sequence of requests makes. */
  function ids(seed: number | undefined) {
    const { call } = setup(seed === undefined ? {} : { seed });
    const instance = call("POST /instances", { body: createBody });
    const key = call("POST /ssh_keys", { body: { name: "laptop", public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx laptop" } });
    const action = call(`POST /instances/${INSTANCE}/actions/stop`);
    return { instance: instance.body.id, sshKey: key.body.id, action: action.body.id, request: action.headers["X-Request-Id"] };
  }

  it("match the spec's patterns", () => {
    const made = ids(7);
    expect(made.instance).toMatch(pattern("InstanceId"));
    expect(made.sshKey).toMatch(pattern("SshKeyId"));
    expect(made.action).toMatch(pattern("ActionId"));
    expect(made.request).toMatch(new RegExp(nexus.components.headers["X-Request-Id"].schema.pattern));
  });

  it("are the same for the same seed and differ for another", () => {
    expect(ids(7)).toEqual(ids(7));
    expect(ids(undefined)).toEqual(ids(1));
    const [seven, eight] = [ids(7), ids(8)];
    for (const kind of ["instance", "sshKey", "action"] as const) expect(seven[kind]).not.toBe(eight[kind]);
    expect(ids(0).instance).not.toBe(ids(1).instance);
  });

  it("reset() restores the seeds, the id sequence and forgets pending actions", () => {
    const { engine, call, advance } = setup({ actionDuration: 1000 });
    const initial = { instances: engine.items("instances"), actions: engine.items("actions") };
    const first = call("POST /instances", { body: createBody }).body.id;
    call(`PATCH /instances/${INSTANCE}`, { body: { name: "renamed" } });
    call(`DELETE /instances/${INSTANCE}`);
    expect(engine.items("instances")).not.toEqual(initial.instances);

    engine.reset();
    expect(engine.items("instances")).toEqual(initial.instances);
    expect(engine.items("actions")).toEqual(initial.actions);
    advance(1000);
    expect(call(`GET /instances/${INSTANCE}`).body.name).toBe("web-prod-01");
    engine.reset();
    expect(call("POST /instances", { body: createBody }).body.id).toBe(first);
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key, body, operation and path", () => {
    const { engine, call } = setup();
    const headers = { "idempotency-key": "key-1" };
    const first = call("POST /instances", { headers, body: createBody });
    const again = call("POST /instances", { headers, body: createBody });
    expect(again).toEqual(first);
    expect(engine.items("instances").filter((item) => item.name === "web-1")).toHaveLength(1);
  });

  it("answers 409 for the same key with another body", () => {
    const { call } = setup();
    const headers = { "idempotency-key": "key-1" };
    call("POST /instances", { headers, body: createBody });
    const conflict = call("POST /instances", { headers, body: { ...createBody, name: "web-2" } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({
      code: "CONFLICT",
      message: "The Idempotency-Key key-1 was already used with a different request body.",
      details: [{ field: "Idempotency-Key", reason: "Use a new key for a different request." }],
    });
  });

  it("is scoped per operation and per path", () => {
    const { engine, call } = setup();
    const headers = { "idempotency-key": "key-1" };
    const stop = call(`POST /instances/${INSTANCE}/actions/stop`, { headers });
    const replay = call(`POST /instances/${INSTANCE}/actions/stop`, { headers });
    const start = call(`POST /instances/${INSTANCE}/actions/start`, { headers });
    const other = call("POST /instances", { body: createBody }).body.id;
    const otherStop = call(`POST /instances/${other}/actions/stop`, { headers });
    expect(replay.body.id).toBe(stop.body.id);
    expect([start.status, otherStop.status]).toEqual([202, 202]);
    expect(new Set([stop.body.id, start.body.id, otherStop.body.id]).size).toBe(3);
    expect(otherStop.body.resource.id).toBe(other);
    expect(engine.items("actions").filter((action) => [stop.body.id, start.body.id, otherStop.body.id].includes(action.id))).toHaveLength(3);
  });
});

describe("credentials and limits", () => {
  it("tokens: any other credential gets the spec's 401", () => {
    const { call } = setup({ tokens: ["cn_test_good"] });
    for (const headers of [{ authorization: "Bearer cn_test_bad" }, { authorization: "" }]) {
      const refused = call("GET /me", { headers });
      expect(refused.status).toBe(401);
      expect(refused.body.error).toMatchObject({ code: "UNAUTHORIZED", message: "Invalid API key", request_id: refused.headers["X-Request-Id"] });
    }
    expect(call("GET /me", { headers: { authorization: "Bearer cn_test_good" } }).status).toBe(200);
  });

  it("rateLimit: a 429 with Retry-After once the window is spent, allowed again after it", () => {
    const { call, advance } = setup({ rateLimit: { limit: 2, window: 10 } });
    expect([call("GET /me").status, call("GET /me").status]).toEqual([200, 200]);
    advance(3000);
    const limited = call("GET /me");
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({ "Retry-After": "7", "X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String((START + 10_000) / 1000) });
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(limited.body.error.message).not.toMatch(/600/);
    // per credential
    expect(call("GET /me", { headers: { authorization: "Bearer cn_test_other" } }).status).toBe(200);
    advance(7000);
    const again = call("GET /me");
    expect(again.status).toBe(200);
    expect(again.headers["X-RateLimit-Remaining"]).toBe("1");
  });

  it("Prefer: code=404 answers the spec's 404 example", () => {
    const { call } = setup();
    const answer = call(`GET /instances/${INSTANCE}`, { headers: { prefer: "code=404" } });
    expect(answer.status).toBe(404);
    const example = nexus.components.examples.ErrorNotFound.value;
    expect(answer.body).toEqual({ error: { ...example.error, request_id: answer.headers["X-Request-Id"] } });
  });

  it("a refused token is a 401 even when a scenario is asked for", () => {
    const { call } = setup({ tokens: ["cn_test_good"] });
    const answer = call(`GET /instances/${INSTANCE}`, { headers: { authorization: "Bearer cn_test_bad", prefer: "code=404" } });
    expect(answer.status).toBe(401);
  });
});

describe("fixtures", () => {
  const instance = nexus.components.examples.Instance.value;

  it("replace the seeds of their resource", () => {
    const { engine, call } = setup({ seed: { instances: [{ ...instance, id: "inst_fixture1" }] } });
    expect(engine.items("instances").map((item) => item.id)).toEqual(["inst_fixture1"]);
    expect(call("GET /instances/inst_fixture1").status).toBe(200);
  });

  it("a fixture the spec does not allow is a FixtureError naming resource, index and field", () => {
    const seed = { instances: [instance, { ...instance, id: "inst_b", status: "exploded" }] };
    expect(() => setup({ seed })).toThrow(FixtureError);
    expect(() => setup({ seed })).toThrow(/^seed\.instances\[1\]\.status /);
    expect(() => setup({ seed: { servers: [] } })).toThrow(/seed\.servers: no such resource/);
  });
});

describe("Cloudnode: x-mock-auth", () => {
  const cloudnode = () => setup({}, [node, nodeModel]);

  it("a bearer token answers via token, with the token", () => {
    const answer = cloudnode().call("GET /auth/check", { headers: { authorization: "Bearer token_x" } });
    expect(answer.status).toBe(200);
    expect(answer.body.via).toBe("token");
    expect(answer.body.token).toEqual(expect.objectContaining({ id: expect.any(String) }));
  });

  it("a session cookie answers via session, without a token", () => {
    const answer = cloudnode().call("GET /auth/check", { headers: { authorization: "", cookie: "session=abc" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ via: "session", token: null });
  });
});
