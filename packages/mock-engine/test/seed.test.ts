// seed.ts: the initial state (the spec's seeds or fixtures), the id sequence it starts, and reset().
import { describe, expect, it } from "vitest";
import { FixtureError } from "../src/index.js";
import { createBody, INSTANCE, nexus, pattern, setup } from "./harness.js";

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

describe("a spec with no example of its answers", () => {
  it("starts with one item its schema gives (property examples), listed and read back", async () => {
    const { buildModel } = await import("@repo/model/build");
    const { createEngine } = await import("../src/index.js");
    const pet = { type: "object", required: ["id", "name"], properties: { id: { type: "integer", example: 10 }, name: { type: "string", example: "doggie" } } };
    const json = (schema: unknown) => ({ description: "ok", content: { "application/json": { schema } } });
    const doc = {
      openapi: "3.1.0",
      info: { title: "Pets", version: "1" },
      paths: {
        "/pets": { get: { operationId: "pets.list", responses: { 200: json({ type: "array", items: { $ref: "#/components/schemas/Pet" } }) } } },
        "/pets/{id}": { get: { operationId: "pets.get", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { 200: json({ $ref: "#/components/schemas/Pet" }) } } },
      },
      components: { schemas: { Pet: pet } },
    };
    const engine = createEngine(doc, buildModel("pets", doc, { specHash: "x" }));
    expect(engine.items("pets")).toEqual([{ id: 10, name: "doggie" }]);
    const read = engine.handle({ method: "GET", path: "/pets/10", query: new URLSearchParams(), headers: {}, body: undefined });
    expect(read).toMatchObject({ status: 200, body: { id: 10, name: "doggie" } });
  });
});
