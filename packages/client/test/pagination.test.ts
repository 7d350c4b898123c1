// Auto-pagination over a local server that really pages (Prism answers every page with the same example).
import { afterEach, describe, expect, it } from "vitest";
import { startFaultServer, type FaultServer, type Handler } from "@repo/mock-server/fault-server";
import { fixtureClient } from "./helpers/fixture-api.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `total` numbered items, `page_size` (default 2) per page. */
const pagesOf = (total: number): Handler => (req, res) => {
  const query = new URL(req.url ?? "/", "http://x").searchParams;
  const page = Number(query.get("page") ?? 1);
  const size = Number(query.get("page_size") ?? 2);
  const items = Array.from({ length: total }, (_, i) => ({ n: i + 1 })).slice((page - 1) * size, page * size);
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items, meta: { total, page, page_size: size } }));
};

type Paged = {
  items: { list: ((p?: object) => Promise<unknown>) & { all(p?: object): AsyncIterable<{ n: number }>; pages(p?: object): AsyncIterable<unknown> } };
};

describe("list.all()", () => {
  it.each([
    [5, 2, 3],
    [4, 2, 2],
    [0, 2, 1],
    [3, 10, 1],
  ])("%i items by %i per page: every item once, in %i requests", async (total, size, requests) => {
    server = await startFaultServer(pagesOf(total));
    const client = fixtureClient("tok", { baseUrl: server.url }) as unknown as Paged;
    const seen: number[] = [];
    for await (const item of client.items.list.all({ status: "on", page_size: size })) seen.push(item.n);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(server.requests).toHaveLength(requests);
    expect(server.requests.every((r) => r.url.includes("status=on"))).toBe(true);
  });

  it("starts at params.page and pages() yields each body with its meta", async () => {
    server = await startFaultServer(pagesOf(5));
    const client = fixtureClient("tok", { baseUrl: server.url }) as unknown as Paged;
    const pages = [];
    for await (const page of client.items.list.pages({ page: 2 })) pages.push(page);
    expect(pages).toEqual([
      { items: [{ n: 3 }, { n: 4 }], meta: { total: 5, page: 2, page_size: 2 } },
      { items: [{ n: 5 }], meta: { total: 5, page: 3, page_size: 2 } },
    ]);
  });

  it("stops when the server ignores the page asked for (no endless loop)", async () => {
    server = await startFaultServer((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items: [{ n: 1 }], meta: { total: 99, page: 1, page_size: 1 } })),
    );
    const client = fixtureClient("tok", { baseUrl: server.url }) as unknown as Paged;
    const seen = [];
    for await (const item of client.items.list.all()) seen.push(item);
    expect(seen).toEqual([{ n: 1 }]);
    expect(server.requests).toHaveLength(2);
  });
});
