// Auto-pagination over page-number lists (`page` + page size, `{ total }` in a meta object).
import type { PaginationDescriptor } from "@repo/model";
import type { RequestOptions } from "./options.js";
import type { ApiResult } from "./request.js";

type Send = (params: Record<string, unknown>, options?: RequestOptions) => Promise<ApiResult<unknown>>;

/** Every page body, from `params[page]` (default 1) until the last page. */
export async function* iteratePages(
  send: Send,
  pagination: PaginationDescriptor,
  params: Record<string, unknown> = {},
  options?: RequestOptions,
): AsyncGenerator<unknown, void, undefined> {
  const first = Number(params[pagination.page] ?? 1);
  for (let page = first; ; page++) {
    const { data } = await send({ ...params, [pagination.page]: page }, options);
    const body = (data ?? {}) as Record<string, unknown>;
    const items = Array.isArray(body[pagination.items]) ? (body[pagination.items] as unknown[]) : [];
    const meta = (pagination.meta ? body[pagination.meta] : body) as Record<string, unknown> | undefined;
    const served = Number(meta?.page ?? page);
    // a server (or mock) that ignores the page asked for would repeat itself forever
    if (page !== first && served !== page) return;
    yield data;
    const total = Number(meta?.total);
    const size = Number(meta?.[pagination.pageSize] ?? params[pagination.pageSize] ?? items.length);
    if (!items.length || !(served * size < total)) return;
  }
}

/** Every item across all pages. */
export async function* iterateItems(
  send: Send,
  pagination: PaginationDescriptor,
  params?: Record<string, unknown>,
  options?: RequestOptions,
): AsyncGenerator<unknown, void, undefined> {
  for await (const data of iteratePages(send, pagination, params, options)) {
    const items = (data as Record<string, unknown> | undefined)?.[pagination.items];
    if (Array.isArray(items)) yield* items;
  }
}
