// The simulator as MSW request handlers, for `setupServer(...mock.handlers)` in Node and
// `setupWorker(...mock.handlers)` in a page: every request to one of the API's servers is answered by
// the simulator's fetch (same state, same faults). msw is the caller's (an optional peer), handed in,
// so nothing here loads it. No Node built-ins: runs in a page.

/** The part of msw this needs: `import { http, HttpResponse } from "msw"`. */
export interface MswModule {
  http: { all(path: string, resolver: (info: { request: Request }) => Promise<Response>): unknown };
  HttpResponse: { error(): Response };
}

/** One handler per server URL of the API (its root and everything under it). */
export function mswHandlers<Handler>(msw: MswModule, servers: readonly string[], fetch: typeof globalThis.fetch): Handler[] {
  const resolver = async ({ request }: { request: Request }) => {
    try {
      return await fetch(request);
    } catch (error) {
      // a "reset" fault (or an aborted request): the network error MSW gives the page
      if (request.signal.aborted) throw error;
      return msw.HttpResponse.error();
    }
  };
  return servers.flatMap((server) => [msw.http.all(server, resolver), msw.http.all(`${server}/*`, resolver)]) as Handler[];
}
