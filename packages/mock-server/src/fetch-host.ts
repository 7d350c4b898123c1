// The simulator as a standard fetch function: (input, init) → Response, with no socket and no port.
// mock.fetch, mock.client() and MSW's handlers all go through it. A chosen "reset" rejects as fetch
// does when a connection drops; a "timeout" answers never, until the caller's signal aborts (or the
// mock is reset). No Node built-ins: runs in a page.
import { answerText } from "./answer-text.js";
import type { Exchange } from "./exchange-recorder.js";
import type { Simulator } from "./simulator.js";

export interface SimulatorFetch {
  fetch: typeof globalThis.fetch;
  /** Ends every request held by a "timeout" fault (as a dropped connection). */
  release(): void;
}

/** The path under the API's base URL: the part after the server (of `servers`) the URL starts with, else its own path. */
export function pathUnder(url: URL, servers: readonly string[]): string {
  const href = url.origin + url.pathname;
  for (const server of servers) {
    if (href === server) return "/";
    if (href.startsWith(`${server}/`)) return href.slice(server.length);
  }
  return url.pathname;
}

/** The server URLs of a spec (top level, path and operation level), without a trailing slash, longest first. */
export function serverUrls(spec: { servers?: Array<{ url: string }>; paths?: Record<string, any> }): string[] {
  const urls = new Set<string>();
  const add = (servers: unknown) => {
    for (const server of Array.isArray(servers) ? servers : []) if (typeof server?.url === "string" && /^https?:/i.test(server.url)) urls.add(server.url.replace(/\/+$/, ""));
  };
  add(spec.servers);
  for (const item of Object.values(spec.paths ?? {})) {
    add(item?.servers);
    for (const op of Object.values(item ?? {})) add((op as { servers?: unknown } | null)?.servers);
  }
  return [...urls].sort((a, b) => b.length - a.length);
}

async function bodyOf(request: Request): Promise<unknown> {
  if (request.body === null) return null;
  const text = await request.text();
  if (!text) return null;
  if (!/json/i.test(request.headers.get("content-type") ?? "")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text; // the judge then reports the body as not of the schema's type: the API's 400
  }
}

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch answered by `simulator`. Relative URLs resolve against `base` (the API's first server);
 * `onExchange` is told each exchange, faults included.
 */
export function simulatorFetch(simulator: Simulator, options: { base: string; servers: readonly string[]; onExchange(exchange: Exchange): void }): SimulatorFetch {
  const held = new Set<(reason: unknown) => void>();
  const dropped = () => new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up (a fault the mock was asked for)"), { code: "ECONNRESET" }) });

  async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = new Request(typeof input === "string" ? new URL(input, `${options.base}/`) : input, init);
    // the caller's own signal where it gave one: the copy in `request` follows it only while `request` lives
    // (undici links them weakly, nodejs/node#55428), and a held answer outlives `request`; after a garbage
    // collection the caller's abort would never reach it, and the caller would wait for good
    const signal = init?.signal ?? (input instanceof Request ? input.signal : request.signal);
    if (signal.aborted) throw signal.reason;
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    // in a page, a Request drops the headers a browser sets itself (Cookie): no socket here, so the caller's stand as given
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const target = url.pathname + url.search;
    const outcome = await simulator.exchange({ method: request.method, path: pathUnder(url, options.servers), search: url.searchParams, headers, body: await bodyOf(request), target }, signal);
    options.onExchange(outcome.exchange);
    // the caller may have given up while the simulator worked (a slow machine): its abort event has fired
    // already, so a listener added now would never run and a held answer would hang the caller for ever
    if (signal.aborted) throw signal.reason;
    if ("drop" in outcome) {
      if (outcome.drop === "reset") throw dropped();
      // no answer: wait for the caller to give up, as on a real connection
      return new Promise<Response>((_resolve, reject) => {
        const release = (reason: unknown) => {
          held.delete(release);
          reject(reason);
        };
        held.add(release);
        signal.addEventListener("abort", () => release(signal.reason), { once: true });
      });
    }
    const { status, headers: out, body } = outcome.answer;
    const text = body === undefined || NO_BODY.has(status) ? null : answerText(out, body);
    return new Response(text, { status, headers: out });
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    release: () => {
      for (const release of [...held]) release(dropped());
    },
  };
}
