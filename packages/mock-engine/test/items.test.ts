// items.ts and store.ts on shapes of real specs: a create keeps what was sent only where it has the item
// field's type, fills a required field the example lacks, keeps a key the client chose (a name), and
// makes a fresh key of the kind the key path parameter declares (a UUID, an IP address).
import { buildModel } from "@repo/model/build";
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/index.js";

type Json = any;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const answer = (schema: Json, example?: Json) => ({ description: "ok", content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } } });
const body = (schema: Json) => ({ required: true, content: { "application/json": { schema } } });
const string = { type: "string" };
const pathParam = (name: string, schema: Json = string) => ({ name, in: "path", required: true, schema });

/** A collection of `schema` items at `/name`, keyed by `param`, with a create taking `sent`. */
const collection = (name: string, schema: string, param: Json, sent: Json, created?: Json) => ({
  [`/${name}`]: {
    get: { operationId: `${name}.list`, responses: { "200": answer({ type: "object", properties: { [name]: { type: "array", items: ref(schema) } } }, { [name]: [] }) } },
    post: { operationId: `${name}.create`, requestBody: body(sent), responses: { "201": answer(ref(schema), created) } },
  },
  [`/${name}/{${param.name}}`]: {
    parameters: [param],
    get: { operationId: `${name}.get`, responses: { "200": answer(ref(schema)), "404": { description: "none" } } },
    patch: { operationId: `${name}.update`, requestBody: body(sent), responses: { "200": answer(ref(schema)), "404": { description: "none" } } },
    delete: { operationId: `${name}.delete`, responses: { "204": { description: "gone" }, "404": { description: "none" } } },
  },
});

const spec: Json = {
  openapi: "3.1.0",
  info: { title: "Items", version: "1" },
  paths: {
    // a droplet-like create: `image` is a slug in the request, an object in the item; `status` is required
    ...collection("servers", "Server", pathParam("server_id", { type: "string", format: "uuid" }), { type: "object", properties: { name: string, image: string, volumes: { type: "array", items: string } } }, {
      id: "3f2a1c9e-8b7d-4e6f-a5c4-b3d2e1f0a9b8",
      name: "example",
      image: { slug: "ubuntu" },
      volumes: [{ id: "vol_1" }],
    }),
    // a domain-like resource: keyed by the name the client sends
    ...collection("domains", "Domain", pathParam("domain_name"), { type: "object", properties: { name: string } }),
    // a reserved-IP-like resource: keyed by its address
    ...collection("addresses", "Address", pathParam("address_ip", { type: "string", format: "ipv4" }), { type: "object", properties: { region: string } }),
  },
  components: {
    schemas: {
      Server: {
        type: "object",
        required: ["id", "name", "image", "status"],
        properties: {
          id: string,
          name: string,
          image: { type: "object", properties: { slug: string } },
          volumes: { type: "array", items: { type: "object", properties: { id: string } } },
          status: { type: "string", enum: ["new", "active"] },
        },
      },
      Domain: { type: "object", required: ["name"], properties: { name: string, ttl: { type: "integer", default: 1800 } } },
      Address: { type: "object", required: ["ip"], properties: { ip: string, region: string } },
    },
  },
};

function setup() {
  const engine = createEngine(spec, buildModel("items", spec, { specHash: "test" }));
  const call = (method: string, path: string, sent?: Json) => engine.handle({ method, path, query: new URLSearchParams(), headers: {}, body: sent });
  return { engine, call };
}

describe("create on the shapes of real specs", () => {
  it("keeps a sent value only where it has the item field's type (down its array items), and fills a required field the example lacks", () => {
    const { call } = setup();
    const created = call("POST", "/servers", { name: "web", image: "debian", volumes: ["vol_9"] }).body;
    expect(created).toEqual({ id: expect.any(String), name: "web", image: { slug: "ubuntu" }, volumes: [], status: "new" });
  });

  it("an update, too, keeps a sent value only where it has the item field's type", () => {
    const { call } = setup();
    const { id } = call("POST", "/servers", { name: "web" }).body;
    expect(call("PATCH", `/servers/${id}`, { name: "api", image: "debian" }).body).toMatchObject({ name: "api", image: { slug: "ubuntu" } });
  });

  it("makes a UUID key when the key path parameter says `format: uuid`, though the field does not", () => {
    const { call } = setup();
    const { id } = call("POST", "/servers", { name: "web" }).body;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call("GET", `/servers/${id}`)).toMatchObject({ status: 200, body: { id } });
  });

  it("keeps the key the client chose, and finds the item by it", () => {
    const { call } = setup();
    expect(call("POST", "/domains", { name: "example.org" }).body).toEqual({ name: "example.org", ttl: 1800 });
    expect(call("GET", "/domains/example.org")).toMatchObject({ status: 200, body: { name: "example.org" } });
  });

  it("makes an IPv4 address key when the key parameter's format says so", () => {
    const { call } = setup();
    const { ip } = call("POST", "/addresses", { region: "fra1" }).body;
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(call("GET", `/addresses/${ip}`)).toMatchObject({ status: 200, body: { ip, region: "fra1" } });
  });
});

describe("a list whose answer has no example", () => {
  it("answers its other required fields from a value of its schema, the stored items in its list", () => {
    const list = { type: "object", required: ["object", "has_more", "data"], properties: { object: { type: "string", enum: ["list"] }, has_more: { type: "boolean" }, data: { type: "array", items: ref("Domain") } } };
    const doc = { ...spec, paths: { "/domains": { get: { operationId: "domains.list", responses: { "200": answer(list) } }, post: spec.paths["/domains"].post } } };
    const engine = createEngine(doc, buildModel("items", doc, { specHash: "test" }));
    engine.handle({ method: "POST", path: "/domains", query: new URLSearchParams(), headers: {}, body: { name: "example.org" } });
    const listed = engine.handle({ method: "GET", path: "/domains", query: new URLSearchParams(), headers: {} }).body;
    expect(listed).toEqual({ object: "list", has_more: expect.any(Boolean), data: expect.arrayContaining([{ name: "example.org", ttl: 1800 }]) });
  });
});

describe("a chosen key that is taken", () => {
  it("the new item replaces the stored one: after its delete, the key is gone", () => {
    const { engine, call } = setup();
    call("POST", "/domains", { name: "example.org" });
    call("POST", "/domains", { name: "example.org" });
    expect(engine.items("domains").filter((item) => item.name === "example.org")).toHaveLength(1);
    call("DELETE", "/domains/example.org");
    expect(call("GET", "/domains/example.org").status).toBe(404);
  });
});
