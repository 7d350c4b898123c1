// The stateful mock (`startMock()` of cloudnexus/mock, no options) behaves like the API the spec
// describes, through the real SDK; Prism validates every exchange, and no exchange may break the spec.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, BadRequestError, ConflictError, NotFoundError, RateLimitError } from "../src/index.js";
import { startMock, type RunningMock } from "../src/mock.js";

const ACTION_MS = 600;
const box = { name: "my-test-box", plan: "standard-4", region: "eu-west-1", image: "ubuntu-22.04" } as const;

let mock: RunningMock;
beforeAll(async () => {
  // on a clock this test drives: an action is still running until the test moves time past its duration
  mock = await startMock({ actionDuration: ACTION_MS, clock: "manual" });
});
afterAll(() => mock?.stop());
afterEach(() => {
  // every answer the engine gave was valid against the spec (Prism judged each one)
  const broken = mock.requests.filter((r) => r.violations.some((v) => v.side === "response"));
  expect(broken).toEqual([]);
  mock.reset();
});

describe("a user's flow against startMock()", () => {
  it("create → filter → page → rename → reboot → action completes → delete → NotFoundError", async () => {
    const client = mock.client();
    const created = await client.instances.create({ ...box, tags: ["e2e"] });
    expect(created).toMatchObject({ ...box, tags: ["e2e"], status: "pending", ipv4: null });
    expect(created.id).toMatch(/^inst_[a-z0-9]+$/);
    expect(Math.abs(Date.parse(created.created_at) - Date.now())).toBeLessThan(60_000);
    expect(await client.instances.get({ id: created.id })).toEqual(created);

    const found = await client.instances.list({ tag: "e2e" });
    expect(found.instances.map((i) => i.id)).toEqual([created.id]);
    expect(found.meta).toEqual({ total: 1, page: 1, page_size: 25 });

    const all = await client.instances.list({});
    const page = await client.instances.list({ page_size: 2 });
    expect(page.instances).toHaveLength(2);
    expect(page.meta).toEqual({ total: all.meta.total, page: 1, page_size: 2 });
    const walked = [];
    for await (const instance of client.instances.list.all({ page_size: 1 })) walked.push(instance.id);
    expect(walked).toEqual(all.instances.map((i) => i.id));

    expect(await client.instances.update({ id: created.id, name: "renamed" })).toMatchObject({ id: created.id, name: "renamed" });
    mock.clock!.advance(ACTION_MS); // the create action completes
    expect((await client.instances.get({ id: created.id })).status).toBe("running");

    const reboot = await client.instances.reboot({ id: created.id });
    expect(reboot).toMatchObject({ type: "reboot", status: "in_progress", resource: { type: "instance", id: created.id }, completed_at: null });
    mock.clock!.advance(ACTION_MS);
    const done = await client.actions.get({ id: reboot.id });
    expect(done.status).toBe("completed");
    expect(Date.parse(done.completed_at!)).toBeGreaterThanOrEqual(Date.parse(done.started_at));
    const history = await client.instances.listActions({ id: created.id });
    expect(history.actions.map((a) => a.type)).toEqual(["reboot", "create"]);

    const deletion = await client.instances.delete({ id: created.id });
    expect(deletion.type).toBe("delete");
    expect((await client.instances.get({ id: created.id })).id).toBe(created.id); // still there while it runs
    mock.clock!.advance(ACTION_MS);
    const gone = await client.instances.get({ id: created.id }).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("an unknown id is the spec's 404 for get, update, delete and actions", async () => {
    const client = mock.client();
    const calls = [
      () => client.instances.get({ id: "inst_doesnotexist1" }),
      () => client.instances.update({ id: "inst_doesnotexist1", name: "x" }),
      () => client.instances.delete({ id: "inst_doesnotexist1" }),
      () => client.instances.stop({ id: "inst_doesnotexist1" }),
      () => client.instances.listActions({ id: "inst_doesnotexist1" }),
      () => client.sshKeys.get({ id: "ssh_key_nope" }),
    ];
    for (const call of calls) {
      const error = await call().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).body).toMatchObject({ error: { code: "NOT_FOUND", details: [], request_id: (error as NotFoundError).requestId } });
    }
  });
});

describe("lists filter and page by the spec's query parameters", () => {
  const fixture = (id: string, status: string, region: string, tags: string[]) => ({
    id, name: id.replace("inst_", "box-"), status, region, plan: "standard-4", image: "debian-12", ipv4: null, tags, created_at: "2026-01-01T00:00:00Z",
  });
  let seeded: RunningMock;
  beforeAll(async () => {
    seeded = await startMock({
      seed: {
        instances: [
          fixture("inst_a1", "running", "us-east-1", ["web"]),
          fixture("inst_b2", "stopped", "us-east-1", ["db"]),
          fixture("inst_c3", "running", "eu-west-1", ["web", "db"]),
          fixture("inst_d4", "stopped", "eu-west-1", []),
          fixture("inst_e5", "running", "ap-south-1", ["web"]),
        ],
      },
    });
  });
  afterAll(() => seeded?.stop());

  it.each([
    [{}, ["inst_a1", "inst_b2", "inst_c3", "inst_d4", "inst_e5"], 5],
    [{ status: "stopped" }, ["inst_b2", "inst_d4"], 2],
    [{ status: "running", region: "us-east-1" }, ["inst_a1"], 1],
    [{ tag: "web" }, ["inst_a1", "inst_c3", "inst_e5"], 3],
    [{ tag: "db", region: "eu-west-1" }, ["inst_c3"], 1],
    [{ page_size: 2 }, ["inst_a1", "inst_b2"], 5],
    [{ page: 2, page_size: 2 }, ["inst_c3", "inst_d4"], 5],
    [{ page: 3, page_size: 2 }, ["inst_e5"], 5],
    [{ page: 4, page_size: 2 }, [], 5],
    [{ status: "stopped", page_size: 1, page: 2 }, ["inst_d4"], 2],
  ] as const)("%j → %j of %d", async (query, ids, total) => {
    const page = await seeded.client().instances.list(query);
    expect(page.instances.map((i) => i.id)).toEqual(ids);
    expect(page.meta).toEqual({ total, page: (query as { page?: number }).page ?? 1, page_size: (query as { page_size?: number }).page_size ?? 25 });
  });

  it(".all() walks exactly the stored items", async () => {
    const ids = [];
    for await (const instance of seeded.client().instances.list.all({ status: "running", page_size: 1 })) ids.push(instance.id);
    expect(ids).toEqual(["inst_a1", "inst_c3", "inst_e5"]);
  });
});

describe("actions complete after the delay and apply their effect", () => {
  it.each([
    ["stop", {}, { status: "stopped" }],
    ["start", {}, { status: "running" }],
    ["resize", { plan: "standard-8" }, { plan: "standard-8" }],
    ["rebuild", { image: "debian-12" }, { image: "debian-12" }],
  ] as const)("instances.%s", async (method, body, effect) => {
    const client = mock.client();
    const id = "inst_29f8b3a1"; // the spec's example instance, seeded (running)
    if (method === "start") {
      await client.instances.stop({ id });
      mock.clock!.advance(ACTION_MS);
    }
    const action = await client.instances[method]({ id, ...body } as never);
    expect(action).toMatchObject({ type: method, status: "in_progress", resource: { id } });
    expect(await client.instances.get({ id })).not.toMatchObject(effect);
    mock.clock!.advance(ACTION_MS);
    expect(await client.instances.get({ id })).toMatchObject(effect);
    expect(await client.actions.get({ id: action.id })).toMatchObject({ status: "completed", error: null });
  });

  it("floating IPs: assign routes the IP to the instance, unassign frees it", async () => {
    const client = mock.client();
    const ip = await client.floatingIps.create({ region: "us-east-1" });
    expect(ip.instance_id).toBeNull();
    await client.floatingIps.assign({ id: ip.id, instance_id: "inst_29f8b3a1" });
    mock.clock!.advance(ACTION_MS);
    expect((await client.floatingIps.get({ id: ip.id })).instance_id).toBe("inst_29f8b3a1");
    expect((await client.floatingIps.list({ instance_id: "inst_29f8b3a1" })).floating_ips.map((f) => f.id)).toContain(ip.id);
    await client.floatingIps.unassign({ id: ip.id });
    mock.clock!.advance(ACTION_MS);
    expect((await client.floatingIps.get({ id: ip.id })).instance_id).toBeNull();
  });

  it("firewalls: attach and detach change instance_ids at once; delete forgets the firewall", async () => {
    const client = mock.client();
    const firewall = await client.firewalls.create({ name: "web", rules: [] });
    expect(firewall.instance_ids).toEqual([]);
    expect((await client.firewalls.attach({ id: firewall.id, instance_ids: ["inst_29f8b3a1"] })).instance_ids).toEqual(["inst_29f8b3a1"]);
    expect((await client.firewalls.list({ instance_id: "inst_29f8b3a1" })).firewalls.map((f) => f.id)).toContain(firewall.id);
    expect((await client.firewalls.detach({ id: firewall.id, instance_ids: ["inst_29f8b3a1"] })).instance_ids).toEqual([]);
    await client.firewalls.delete({ id: firewall.id });
    await expect(client.firewalls.get({ id: firewall.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("deleting an instance unassigns its floating IPs and detaches its firewalls (they stay)", async () => {
    const client = mock.client();
    const instance = await client.instances.create(box);
    const ip = await client.floatingIps.create({ region: "eu-west-1" });
    await client.floatingIps.assign({ id: ip.id, instance_id: instance.id });
    const firewall = await client.firewalls.create({ name: "edge", rules: [], instance_ids: [instance.id, "inst_29f8b3a1"] });
    mock.clock!.advance(ACTION_MS);
    expect((await client.floatingIps.get({ id: ip.id })).instance_id).toBe(instance.id);
    await client.instances.delete({ id: instance.id });
    mock.clock!.advance(ACTION_MS);
    expect((await client.floatingIps.get({ id: ip.id })).instance_id).toBeNull();
    expect((await client.firewalls.get({ id: firewall.id })).instance_ids).toEqual(["inst_29f8b3a1"]);
  });

  it("ssh keys: created, listed, deleted", async () => {
    const client = mock.client();
    const before = (await client.sshKeys.list({})).meta.total;
    const key = await client.sshKeys.create({ name: "laptop", public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl laptop" });
    expect(key.id).toMatch(/^ssh_key_/);
    expect((await client.sshKeys.list({})).meta.total).toBe(before + 1);
    await client.sshKeys.delete({ id: key.id });
    expect((await client.sshKeys.list({})).meta.total).toBe(before);
  });
});

describe("the envelope: idempotency, credentials, rate limits, invalid requests, scenarios", () => {
  it("the same Idempotency-Key and body replays the first answer; another body is a 409 CONFLICT", async () => {
    const client = mock.client();
    const first = await client.instances.create(box, { idempotencyKey: "key-1" });
    const again = await client.instances.create(box, { idempotencyKey: "key-1" });
    expect(again).toEqual(first);
    expect((await client.instances.list({})).instances.filter((i) => i.name === box.name)).toHaveLength(1);
    const conflict = await client.instances.create({ ...box, name: "other" }, { idempotencyKey: "key-1" }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).message).toContain("key-1");
  });

  it("any well-formed token by default; with tokens: [...] every other one is the spec's 401", async () => {
    expect((await mock.client({ token: "cn_test_anything" }).me()).email).toContain("@");
    const guarded = await startMock({ tokens: ["cn_test_good"] });
    try {
      expect((await guarded.client().me()).email).toContain("@"); // client() uses the first of tokens
      const refused = await guarded.client({ token: "cn_test_bad" }).me().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AuthenticationError);
      expect(refused).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    } finally {
      await guarded.stop();
    }
  });

  it("X-RateLimit-Remaining counts down; a configured limit answers 429 with Retry-After", async () => {
    const limited = await startMock({ rateLimit: 2 });
    try {
      const client = limited.client();
      const remaining = [];
      for (let i = 0; i < 2; i++) remaining.push((await client.me().withResponse()).response.headers.get("x-ratelimit-remaining"));
      expect(remaining).toEqual(["1", "0"]);
      const refused = await client.me().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RateLimitError);
      expect(Number((refused as RateLimitError).response.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });

  it("a request that breaks the spec gets the spec's 400 naming the violation, and is listed with it", async () => {
    const error = await mock.client().request("instances.list", { status: "bogus" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).body).toMatchObject({ error: { code: "VALIDATION_ERROR", details: [{ field: "query.status" }] } });
    expect(mock.requests.at(-1)).toMatchObject({ operationId: "instances.list", status: 400, violations: [{ side: "request", where: "query.status" }] });
  });

  it("prefer still picks the spec's scenario", async () => {
    await expect(mock.client().instances.get({ id: "inst_29f8b3a1" }, { prefer: { code: 404 } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(mock.client().me({}, { prefer: { code: 429 } })).rejects.toBeInstanceOf(RateLimitError);
  });

  it("mock.requests lists what the code called", async () => {
    await mock.client().me();
    await mock.client().instances.list({ status: "running" });
    expect(mock.requests.map(({ method, path, operationId, status }) => ({ method, path, operationId, status }))).toEqual([
      { method: "GET", path: "/me", operationId: "me", status: 200 },
      { method: "GET", path: "/instances?status=running", operationId: "instances.list", status: 200 },
    ]);
  });
});

describe("seeds, reset, isolation", () => {
  it("rejects a fixture that breaks the schema, naming the resource, the index and the field", async () => {
    const good = { id: "inst_ok1", name: "ok", status: "running", region: "us-east-1", plan: "standard-4", image: "debian-12", ipv4: null, tags: [], created_at: "2026-01-01T00:00:00Z" };
    await expect(startMock({ seed: { instances: [good, { ...good, id: "inst_bad2", status: "exploded" }] } })).rejects.toThrow(/seed\.instances\[1\]\.status .*allowed values/);
    await expect(startMock({ seed: { instances: [{ ...good, colour: "red" }] } })).rejects.toThrow(/seed\.instances\[0\] .*additional properties \(colour\)/);
    await expect(startMock({ seed: { droplets: [] } })).rejects.toThrow(/seed\.droplets: no such resource; the resources of this API are instances, actions/);
  });

  it("reset() returns to the seeded state and the same id sequence", async () => {
    const client = mock.client();
    const seeded = await client.instances.list({});
    const first = await client.instances.create(box);
    mock.reset();
    expect(await client.instances.list({})).toEqual(seeded);
    expect((await client.instances.create(box)).id).toBe(first.id);
    expect(mock.requests.map((r) => r.operationId)).toEqual(["instances.list", "instances.create"]);
  });

  it("two mocks keep their own state; a seed number picks another id sequence", async () => {
    const other = await startMock({ seed: 7 });
    try {
      const mine = await mock.client().instances.create(box);
      expect((await other.client().instances.list({})).instances.map((i) => i.id)).not.toContain(mine.id);
      expect((await other.client().instances.create(box)).id).not.toBe(mine.id);
    } finally {
      await other.stop();
    }
  });
});
