// The stateful mock of any API, from the model alone: for every resource the model infers (a collection
// with a create and a get), what is created can be read back, is listed, takes its update and is gone
// after its delete (the spec's 404), and Prism finds no answer that breaks the spec. A new API gets
// this proof with no assertion of its own; seed-specific behaviour stays in the package's own tests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MockRequest } from "@repo/mock-server";
import { probeOperation, type SdkPackage } from "./package.js";

type Json = Record<string, any>;
type Operation = SdkPackage["model"]["operations"][number] & { mock?: { role?: string; resource?: string } | null };
type Method = ((params?: Json) => Promise<any>) & { all?: (params?: Json) => AsyncIterable<Json> };
interface Mock {
  client(options?: { token?: string; maxRetries?: number }): object;
  readonly requests: MockRequest[];
  stop(): Promise<void>;
}

const methodOf = (client: object, op: Operation): Method => {
  const owner = (op.namespace ? (client as Json)[op.namespace] : client) as Json;
  return owner[op.name] as Method;
};

/**
 * The item of an item answer: what it holds under the resource's itemKey (`{ "droplet": {…} }`), the one
 * item of a list under its listKey (an item path answering the list's shape), else the answer itself.
 */
export function itemOfAnswer(resource: { itemKey?: string | null; listKey?: string | null }, answer: Json): Json {
  if (!answer || typeof answer !== "object") return answer;
  if (resource.itemKey && resource.itemKey in answer) return answer[resource.itemKey];
  const listed = resource.listKey ? answer[resource.listKey] : undefined;
  return Array.isArray(listed) && listed.length === 1 ? listed[0] : answer;
}

/**
 * The resources with a create and a get, and their operations by role; not those whose create answers
 * no body (an accepted request: the client learns no key to read back).
 */
export function resourcesOf(pkg: SdkPackage) {
  const resources = (pkg.model.resources ?? {}) as Record<string, { keyParam: string; keyField: string; listKey?: string | null; itemKey?: string | null }>;
  const ops = pkg.model.operations as Operation[];
  const role = (resource: string, name: string) => ops.find((op) => op.mock?.resource === resource && op.mock?.role === name);
  return Object.entries(resources)
    .map(([name, resource]) => ({ name, ...resource, create: role(name, "create"), get: role(name, "get"), list: role(name, "list"), update: role(name, "update"), remove: role(name, "delete") }))
    .filter((resource): resource is typeof resource & { create: Operation; get: Operation } => Boolean(resource.create && resource.get))
    .filter((resource) => resource.create.responses[resource.create.successStatus ?? ""]?.hasBody !== false);
}

export function statefulMockSuite(pkg: SdkPackage, options: { startMock: (options?: { tokens?: string[] }) => Promise<Mock>; token: string; host?: string }): void {
  const resources = resourcesOf(pkg);
  let mock: Mock;
  let client: object;

  describe(`the ${pkg.name} stateful mock${options.host ? ` (${options.host})` : ""}`, () => {
    beforeAll(async () => {
      mock = await options.startMock();
      client = mock.client({ token: options.token, maxRetries: 0 });
    });
    afterAll(() => mock?.stop());

    if (resources.length === 0) {
      it("infers no resource from the spec: its operations answer from their examples", async () => {
        const probe = probeOperation(pkg);
        await methodOf(client, probe)(probe.exampleParams);
      });
    }

    const title = (resource: (typeof resources)[number]) =>
      `${resource.name}: ${["created", "read back", resource.list && "listed", resource.update && "updated", resource.remove && "deleted"].filter(Boolean).join(", ")}`;
    it.each(resources.map((resource) => [title(resource), resource] as const))("%s", async (_title, resource) => {
      const itemOf = (answer: Json) => itemOfAnswer(resource, answer);
      const created = itemOf(await methodOf(client, resource.create)(resource.create.exampleParams));
      const key = created?.[resource.keyField];
      expect(key, `${resource.create.operationId} answers the new item's ${resource.keyField}`).toBeDefined();
      const keyed = (op: Operation) => ({ ...op.exampleParams, [resource.keyParam]: key });

      const read = itemOf(await methodOf(client, resource.get)(keyed(resource.get)));
      expect(read[resource.keyField]).toBe(key);

      if (resource.list) {
        const listed: unknown[] = [];
        const list = methodOf(client, resource.list);
        const params = Object.fromEntries(resource.list.parameters.filter((p) => p.required).map((p) => [p.name, resource.list!.exampleParams[p.name]]));
        if (list.all) for await (const item of list.all(params)) listed.push(item[resource.keyField]);
        else {
          const page = await list(params);
          const items = Array.isArray(page) ? page : page[resource.listKey ?? ""] ?? [];
          listed.push(...items.map((item: Json) => item[resource.keyField]));
        }
        expect(listed, `${resource.list.operationId} lists what ${resource.create.operationId} made`).toContain(key);
      }

      if (resource.update) {
        const params = keyed(resource.update);
        const updated = itemOf(await methodOf(client, resource.update)(params));
        const again = itemOf(await methodOf(client, resource.get)(keyed(resource.get)));
        for (const [field, value] of Object.entries(params)) {
          // a scalar field the update sent, which the item has with that type: the change sticks (a `region`
          // slug sent for a region object is another representation, not the field's value)
          if (field !== resource.keyParam && value !== null && typeof value !== "object" && field in again && typeof again[field] === typeof value) {
            expect(updated[field], `${resource.update.operationId} answers the new ${field}`).toEqual(value);
            expect(again[field], `${resource.get.operationId} after ${resource.update.operationId}: ${field}`).toEqual(value);
          }
        }
      }

      if (resource.remove) {
        await methodOf(client, resource.remove)(keyed(resource.remove));
        const gone = await methodOf(client, resource.get)(keyed(resource.get)).catch((error: unknown) => error);
        expect((gone as { status?: number }).status, `${resource.get.operationId} after ${resource.remove.operationId}`).toBe(404);
      }
    });

    it("every answer was valid against the spec", () => {
      expect(mock.requests.length).toBeGreaterThan(0);
      expect(mock.requests.filter((request) => request.violations.some((violation) => violation.side === "response"))).toEqual([]);
    });
  });
}
