// Resource inference (@repo/model/build: resources.ts, through buildModel): which operations list, create,
// read, change or act on which stored resource, as a table of small inline specs; then the resources
// the real CloudNexus model holds.
import { describe, expect, it } from "vitest";
import { buildModel } from "@repo/model/build";
import { apiArtifacts } from "@repo/model/build";

type Json = Record<string, any>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const string = { type: "string" };
const object = (properties: Json, extra: Json = {}) => ({ type: "object", properties, ...extra });
const listOf = (key: string, item: string) => object({ [key]: { type: "array", items: ref(item) }, meta: ref("PageMeta") });
const query = (name: string, extra: Json = {}) => ({ name, in: "query", schema: string, ...extra });
const pathParam = (name: string) => ({ name, in: "path", required: true, schema: string });

/** An operation answering `schema` (JSON) with `status`, or 204 without a body. */
function op(operationId: string, schema?: Json, { status = "200", ...extra }: Json = {}) {
  const response = schema ? { description: "ok", content: { "application/json": { schema } } } : { description: "no content" };
  return { operationId, ...extra, responses: { [schema ? status : "204"]: response } };
}

/** Shared by every row: a schema creates no resource unless a path lists or creates it. */
const schemas: Json = {
  PageMeta: object({ total: { type: "integer" }, page: { type: "integer" }, page_size: { type: "integer" } }),
  Thing: object({
    id: string,
    name: string,
    status: string,
    tags: { type: "array", items: string },
    colors: string,
    owner: object({ id: string }),
  }),
  ThingList: listOf("things", "Thing"),
  Region: object({ slug: string, name: string }),
  RegionList: listOf("regions", "Region"),
  Event: object({ id: string, thing_id: string, kind: string }),
  EventList: listOf("events", "Event"),
  Log: object({ line: string }),
  LogList: listOf("logs", "Log"),
  Action: object(
    { id: string, status: string, completed_at: { type: ["string", "null"] } },
    { "x-action-object": { status: "status", running: "in_progress", done: "completed", failed: "errored", finishedAt: "completed_at" } },
  ),
  ActionList: listOf("actions", "Action"),
  Account: object({ email: string }),
  Page: object({ id: string, page: { type: "integer" }, page_size: { type: "integer" } }),
  PageList: listOf("pages", "Page"),
};

const things = { get: op("things.list", ref("ThingList")) };
const thing = { parameters: [pathParam("id")], get: op("things.get", ref("Thing")) };
const thingRoles = {
  "things.list": { role: "list", resource: "things", filters: {} },
  "things.get": { role: "get", resource: "things" },
};
const actions = {
  "/actions": { get: op("actions.list", ref("ActionList")) },
  "/actions/{id}": { parameters: [pathParam("id")], get: op("actions.get", ref("Action")) },
};
const actionRoles = {
  "actions.list": { role: "list", resource: "actions", filters: {} },
  "actions.get": { role: "get", resource: "actions" },
};
/** A list of things with one query parameter, for the filter rows. */
const filtered = (param: Json) => ({ "/things": { get: op("things.list", ref("ThingList"), { parameters: [param] }) } });
const filterRole = (filters: Json) => ({ "things.list": { role: "list", resource: "things", filters } });

interface Row {
  given: { paths: Json; schemas?: Json };
  want: { resources: Record<string, Json>; roles: Record<string, Json> };
}

const rows: Array<[string, Row]> = [
  [
    "collection: GET lists, POST creates; listKey is the answer's one array property",
    {
      given: { paths: { "/things": { ...things, post: op("things.create", ref("Thing"), { status: "201" }) } } },
      want: {
        resources: {
          things: { collection: "/things", item: null, keyParam: null, keyField: "id", schema: "#/components/schemas/Thing", listKey: "things", itemKey: null, action: null },
        },
        roles: { "things.list": { role: "list", resource: "things", filters: {} }, "things.create": { role: "create", resource: "things" } },
      },
    },
  ],
  [
    "item envelope: an item answer holding the item in one property gives itemKey (get first, then update, then create)",
    {
      given: {
        paths: {
          "/things": {
            ...things,
            post: op("things.create", { oneOf: [object({ thing: ref("Thing"), links: object({}) }), object({ things: { type: "array", items: ref("Thing") } })] }, { status: "202" }),
          },
          "/things/{id}": { parameters: [pathParam("id")], get: op("things.get", object({ thing: ref("Thing") })), patch: op("things.update", ref("Thing")) },
        },
      },
      want: {
        resources: { things: { schema: "#/components/schemas/Thing", listKey: "things", itemKey: "thing" } },
        roles: { ...thingRoles, "things.create": { role: "create", resource: "things" }, "things.update": { role: "update", resource: "things" } },
      },
    },
  ],
  [
    "item envelope: none when the answer is the item, or when two properties hold an item",
    {
      given: {
        paths: {
          "/things": { ...things, post: op("things.create", object({ thing: ref("Thing"), previous: ref("Thing") }), { status: "201" }) },
          "/things/{id}": thing,
          "/regions": { get: op("regions.list", ref("RegionList")), post: op("regions.create", object({ region: ref("Region"), replaced: ref("Region") }), { status: "201" }) },
        },
      },
      want: {
        resources: { things: { itemKey: null }, regions: { itemKey: null } },
        roles: { ...thingRoles, "things.create": { role: "create", resource: "things" }, "regions.list": { role: "list", resource: "regions", filters: {} }, "regions.create": { role: "create", resource: "regions" } },
      },
    },
  ],
  [
    "item envelope: without one of the item's schema, the one object property holding the key field (another schema of the item)",
    {
      given: {
        paths: {
          "/things": { ...things, post: op("things.create", ref("Thing"), { status: "201" }) },
          "/things/{id}": { parameters: [pathParam("id")], get: op("things.get", object({ thing: object({ id: string, name: string }), links: object({ self: string }) })) },
        },
      },
      want: { resources: { things: { itemKey: "thing" } }, roles: { ...thingRoles, "things.create": { role: "create", resource: "things" } } },
    },
  ],
  [
    "key field: the param's last `_` part (domain_name → name), else id, uuid, name; a one-member oneOf of items is that member",
    {
      given: {
        paths: {
          "/domains": { get: op("domains.list", object({ domains: { type: "array", items: { oneOf: [ref("Region")] } } })) },
          "/domains/{domain_name}": { parameters: [pathParam("domain_name")], get: op("domains.get", ref("Region")) },
          "/tags": { get: op("tags.list", ref("RegionList")) },
          "/tags/{tag_id}": { parameters: [pathParam("tag_id")], get: op("tags.get", ref("Region")) },
        },
      },
      want: {
        resources: { domains: { keyParam: "domain_name", keyField: "name", schema: "#/components/schemas/Region" }, tags: { keyParam: "tag_id", keyField: "name" } },
        roles: {
          "domains.list": { role: "list", resource: "domains", filters: {} },
          "domains.get": { role: "get", resource: "domains" },
          "tags.list": { role: "list", resource: "tags", filters: {} },
          "tags.get": { role: "get", resource: "tags" },
        },
      },
    },
  ],
  [
    "key field: items with none of the candidates are no store (their item path could find none): the examples answer",
    {
      given: { paths: { "/logs": { get: op("logs.list", ref("LogList")) }, "/logs/{log_id}": { parameters: [pathParam("log_id")], get: op("logs.get", ref("Log")) } } },
      want: { resources: {}, roles: { "logs.list": { role: "example" }, "logs.get": { role: "example" } } },
    },
  ],
  [
    "collection: a bare array answer has no listKey",
    {
      given: { paths: { "/things": { get: op("things.list", { type: "array", items: ref("Thing") }) } } },
      want: { resources: { things: { schema: "#/components/schemas/Thing", listKey: null } }, roles: { "things.list": { role: "list", resource: "things", filters: {} } } },
    },
  ],
  [
    "collection: a POST alone makes a resource of what it answers",
    {
      given: { paths: { "/things": { post: op("things.create", ref("Thing"), { status: "201" }) } } },
      want: { resources: { things: { schema: "#/components/schemas/Thing", listKey: null } }, roles: { "things.create": { role: "create", resource: "things" } } },
    },
  ],
  [
    "collection: without a namespace the resource is named by the last path segment",
    {
      given: { paths: { "/ssh_keys": { get: op("listKeys", ref("ThingList")) } } },
      want: { resources: { ssh_keys: { collection: "/ssh_keys" } }, roles: { listKeys: { role: "list", resource: "ssh_keys", filters: {} } } },
    },
  ],
  [
    "collection: two collections of one namespace — the one whose path ends in it keeps the name (DigitalOcean)",
    {
      given: {
        paths: {
          "/regions/all": { get: op("regions.listAll", ref("ThingList")) },
          "/regions": { get: op("regions.list", ref("RegionList")) },
        },
      },
      want: {
        resources: { regions: { collection: "/regions" }, all: { collection: "/regions/all" } },
        roles: { "regions.list": { role: "list", resource: "regions", filters: {} }, "regions.listAll": { role: "list", resource: "all", filters: {} } },
      },
    },
  ],
  [
    "collection: a read-only list of a collection's items in its shape is a filtered view of it (Petstore's findByStatus)",
    {
      given: {
        paths: {
          "/things/find": { get: { ...op("things.findByStatus", { type: "array", items: ref("Thing") }), parameters: [query("status")] } },
          "/things": { post: op("things.create", ref("Thing"), { status: "201" }) },
        },
      },
      want: {
        resources: { things: { collection: "/things", listKey: null } },
        roles: { "things.create": { role: "create", resource: "things" }, "things.findByStatus": { role: "list", resource: "things", filters: { status: "status" } } },
      },
    },
  ],
  [
    "collection: a create that takes a list is a bulk call, not a collection",
    {
      given: {
        paths: {
          "/things": { post: op("things.create", ref("Thing"), { status: "201" }) },
          "/things/bulk": { post: { ...op("things.createMany", ref("Thing")), requestBody: { content: { "application/json": { schema: { type: "array", items: ref("Thing") } } } } } },
        },
      },
      want: { resources: { things: { collection: "/things" } }, roles: { "things.create": { role: "create", resource: "things" }, "things.createMany": { role: "example" } } },
    },
  ],
  [
    "item /{id}: GET reads, PATCH and PUT update, DELETE deletes",
    {
      given: {
        paths: {
          "/things": things,
          "/things/{id}": {
            ...thing,
            patch: op("things.update", ref("Thing")),
            put: op("things.replace", ref("Thing")),
            delete: op("things.delete"),
          },
        },
      },
      want: {
        resources: { things: { item: "/things/{id}", keyParam: "id", keyField: "id" } },
        roles: {
          ...thingRoles,
          "things.update": { role: "update", resource: "things" },
          "things.replace": { role: "update", resource: "things" },
          "things.delete": { role: "delete", resource: "things" },
        },
      },
    },
  ],
  [
    "item /{slug}: the key field is the parameter the items have",
    {
      given: {
        paths: {
          "/regions": { get: op("regions.list", ref("RegionList")) },
          "/regions/{slug}": { parameters: [pathParam("slug")], get: op("regions.get", ref("Region")) },
        },
      },
      want: {
        resources: { regions: { item: "/regions/{slug}", keyParam: "slug", keyField: "slug" } },
        roles: { "regions.list": { role: "list", resource: "regions", filters: {} }, "regions.get": { role: "get", resource: "regions" } },
      },
    },
  ],
  [
    "item /{thing_id}: a parameter the items lack keeps the key field id",
    {
      given: { paths: { "/things": things, "/things/{thing_id}": { parameters: [pathParam("thing_id")], get: op("things.get", ref("Thing")) } } },
      want: { resources: { things: { keyParam: "thing_id", keyField: "id" } }, roles: thingRoles },
    },
  ],
  [
    "sub-list: GET /things/{id}/events listing another collection's items, with that resource's filters",
    {
      given: {
        paths: {
          "/things": things,
          "/things/{id}": thing,
          "/events": { get: op("events.list", ref("EventList")) },
          "/things/{id}/events": { parameters: [pathParam("id")], get: op("things.listEvents", ref("EventList"), { parameters: [query("kind"), query("colour")] }) },
        },
      },
      want: {
        resources: { things: {}, events: { collection: "/events", item: null, schema: "#/components/schemas/Event", listKey: "events" } },
        roles: {
          ...thingRoles,
          "events.list": { role: "list", resource: "events", filters: {} },
          "things.listEvents": { role: "subList", resource: "events", parent: "things", filters: { kind: "kind" } },
        },
      },
    },
  ],
  [
    "sub-list: a list under an item whose items no collection holds is an example",
    {
      given: { paths: { "/things": things, "/things/{id}": thing, "/things/{id}/logs": { parameters: [pathParam("id")], get: op("things.logs", ref("LogList")) } } },
      want: { resources: { things: {} }, roles: { ...thingRoles, "things.logs": { role: "example" } } },
    },
  ],
  [
    "action: an operation under an item answering an x-action-object schema starts an action",
    {
      given: {
        paths: {
          ...actions,
          "/things": things,
          "/things/{id}": thing,
          "/things/{id}/actions/stop": {
            parameters: [pathParam("id")],
            post: op("things.stop", ref("Action"), { status: "202", "x-effect": { set: { status: "stopped" } } }),
          },
        },
      },
      want: {
        resources: {
          things: { action: null },
          actions: { keyField: "id", action: { status: "status", running: "in_progress", done: "completed", failed: "errored", finishedAt: "completed_at" } },
        },
        roles: {
          ...thingRoles,
          ...actionRoles,
          "things.stop": { role: "action", resource: "things", actions: "actions", effect: { set: { status: "stopped" } } },
        },
      },
    },
  ],
  [
    "action: a DELETE answering an action object is an action (its x-effect deletes when it completes)",
    {
      given: {
        paths: {
          ...actions,
          "/things": things,
          "/things/{id}": { ...thing, delete: op("things.delete", ref("Action"), { status: "202", "x-effect": { delete: true } }) },
        },
      },
      want: {
        resources: { things: {}, actions: {} },
        roles: { ...thingRoles, ...actionRoles, "things.delete": { role: "action", resource: "things", actions: "actions", effect: { delete: true } } },
      },
    },
  ],
  [
    "effect: a POST under an item with x-effect answering the item applies at once",
    {
      given: {
        paths: {
          "/things": things,
          "/things/{id}": thing,
          "/things/{id}/archive": { parameters: [pathParam("id")], post: op("things.archive", ref("Thing"), { "x-effect": { set: { status: "archived" } } }) },
        },
      },
      want: { resources: { things: {} }, roles: { ...thingRoles, "things.archive": { role: "effect", resource: "things", effect: { set: { status: "archived" } } } } },
    },
  ],
  [
    "effect: the same POST without x-effect is an example",
    {
      given: { paths: { "/things": things, "/things/{id}": thing, "/things/{id}/ping": { parameters: [pathParam("id")], post: op("things.ping", ref("Thing")) } } },
      want: { resources: { things: {} }, roles: { ...thingRoles, "things.ping": { role: "example" } } },
    },
  ],
  ["filter: a parameter named like a field", { given: { paths: filtered(query("status")) }, want: { resources: { things: {} }, roles: filterRole({ status: "status" }) } }],
  ["filter: name + s for an array field", { given: { paths: filtered(query("tag")) }, want: { resources: { things: {} }, roles: filterRole({ tag: "tags" }) } }],
  ["filter: name + s only when that field is an array", { given: { paths: filtered(query("color")) }, want: { resources: { things: {} }, roles: filterRole({}) } }],
  ["filter: a_b for the field a.b", { given: { paths: filtered(query("owner_id")) }, want: { resources: { things: {} }, roles: filterRole({ owner_id: "owner.id" }) } }],
  ["filter: a_b when a has no b is ignored", { given: { paths: filtered(query("owner_name")) }, want: { resources: { things: {} }, roles: filterRole({}) } }],
  [
    "filter: x-filter names the field",
    { given: { paths: filtered(query("q", { "x-filter": "name" })) }, want: { resources: { things: {} }, roles: filterRole({ q: "name" }) } },
  ],
  ["filter: an unmatched query parameter is ignored", { given: { paths: filtered(query("sort")) }, want: { resources: { things: {} }, roles: filterRole({}) } }],
  ["filter: header parameters never filter", { given: { paths: filtered({ name: "status", in: "header", schema: string }) }, want: { resources: { things: {} }, roles: filterRole({}) } }],
  [
    "filter: path-level query parameters count too",
    {
      given: { paths: { "/things": { parameters: [query("name")], get: op("things.list", ref("ThingList")) } } },
      want: { resources: { things: {} }, roles: filterRole({ name: "name" }) },
    },
  ],
  [
    "filter: page and page_size paginate, never filter (even when the items have such fields)",
    {
      given: {
        paths: {
          "/pages": {
            get: op("pages.list", ref("PageList"), { parameters: [query("page", { schema: { type: "integer" } }), query("page_size", { schema: { type: "integer" } }), query("id")] }),
          },
        },
      },
      want: { resources: { pages: {} }, roles: { "pages.list": { role: "list", resource: "pages", filters: { id: "id" } } } },
    },
  ],
  [
    "example: an operation matching no rule answers its example",
    {
      given: { paths: { "/me": { get: op("me", ref("Account")) }, "/health": { get: op("health") } } },
      want: { resources: {}, roles: { me: { role: "example" }, health: { role: "example" } } },
    },
  ],
];

describe("resource inference", () => {
  it.each(rows)("%s", (_name, { given, want }) => {
    const doc = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: given.paths, components: { schemas: { ...schemas, ...given.schemas } } };
    const model = buildModel("t", doc, { specHash: "x" });
    expect(Object.keys(model.resources).sort()).toEqual(Object.keys(want.resources).sort());
    expect(model.resources).toMatchObject(want.resources);
    const roles = Object.fromEntries(model.operations.map((operation: Json) => [operation.operationId, operation.mock]));
    expect(roles).toEqual(want.roles);
  });

  it("paginated lists are what the page rows assume", () => {
    // the page row above relies on pagination being detected; pin it so that row cannot pass vacuously
    const doc = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: rows.find(([name]) => name.startsWith("filter: page"))![1].given.paths, components: { schemas } };
    expect(buildModel("t", doc, { specHash: "x" }).operations[0]!.pagination).toMatchObject({ page: "page", pageSize: "page_size", items: "pages" });
  });
});

describe("the CloudNexus model", () => {
  const model = apiArtifacts("cloudnexus").model();

  it("has its resources", () => {
    expect(Object.keys(model.resources)).toEqual(
      expect.arrayContaining(["instances", "actions", "sshKeys", "regions", "plans", "images", "firewalls", "floatingIps"]),
    );
    expect(model.resources.actions!.action).toMatchObject({ status: "status", running: "in_progress", done: "completed" });
  });

  it("lists an instance's actions as a sub-list of actions under instances", () => {
    const listActions = model.operations.find((operation: Json) => operation.operationId === "instances.listActions");
    expect(listActions!.mock).toMatchObject({ role: "subList", resource: "actions", parent: "instances" });
  });
});
