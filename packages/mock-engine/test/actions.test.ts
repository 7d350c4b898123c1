// actions.ts: action objects stay in_progress for actionDuration, then complete and apply their x-effect.
import { describe, expect, it } from "vitest";
import { createBody, INSTANCE, iso, setup, START, type Json } from "./harness.js";

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
