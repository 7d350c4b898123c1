// Redirects, followed by the SDK rather than by fetch: fetch drops only Authorization and Cookie when a
// redirect leaves the origin, so a caller's `X-Api-Key` (or an Idempotency-Key, a header parameter)
// would reach whatever origin a server names, and a 307/308 would replay a POST's body there.
// The rule: within the origin, a redirect is followed as fetch would; across origins, the request goes
// on with no header the caller or the SDK added (only Accept and User-Agent) and never with a body.

type Init = { method: string; headers: Record<string, string>; body?: BodyInit; signal?: AbortSignal };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** What fetch allows too. */
const MAX_REDIRECTS = 20;
/** The headers that go on to another origin: neither is a credential nor says anything of the caller. */
const CROSS_ORIGIN_HEADERS = new Set(["accept", "user-agent"]);

/** A redirect the SDK will not follow: said once, never retried. */
export class RedirectRefused extends Error {
  override name = "RedirectRefused";
}

/** `fetch(url, init)` with redirects followed by the rule above. */
export async function fetchFollowing(fetch: typeof globalThis.fetch, url: string, init: Init): Promise<Response> {
  let current = { url, init };
  for (let count = 0; ; count++) {
    const response = await fetch(current.url, { ...current.init, redirect: "manual" });
    // a browser hides where an opaque redirect goes: only what the browser itself guards is sent again
    if (response.type === "opaqueredirect") return followInBrowser(fetch, current.url, current.init);
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    // fetch's own words, so a loop reads the same whoever follows it
    if (count >= MAX_REDIRECTS) throw new Error("redirect count exceeded");
    let next: URL;
    try {
      next = new URL(location, current.url);
    } catch {
      throw new RedirectRefused(`a ${response.status} redirect to a Location that is not a URL`);
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") throw new RedirectRefused(`a ${response.status} redirect to a ${next.protocol} URL`);
    current = { url: next.href, init: nextInit(current.init, response.status, new URL(current.url).origin === next.origin, next) };
  }
}

function nextInit(init: Init, status: number, sameOrigin: boolean, next: URL): Init {
  // as fetch does: 303 (and 301/302 after a POST) go on as a GET without a body
  const toGet = (status === 303 && init.method !== "HEAD") || ((status === 301 || status === 302) && init.method === "POST");
  const method = toGet ? "GET" : init.method;
  const body = toGet ? undefined : init.body;
  if (!sameOrigin && body !== undefined) {
    throw new RedirectRefused(`a ${status} redirect of a ${method} to another origin (${next.origin}); the SDK does not send a request body there`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers)) {
    const lower = name.toLowerCase();
    if (!sameOrigin && !CROSS_ORIGIN_HEADERS.has(lower)) continue;
    if (body === undefined && (lower === "content-type" || lower === "content-length")) continue;
    headers[name] = value;
  }
  const { body: _old, ...rest } = init;
  return { ...rest, method, headers, ...(body === undefined ? {} : { body }) };
}

/** In a browser: the request again, followed by the browser, with no body and only the headers it guards across origins. */
async function followInBrowser(fetch: typeof globalThis.fetch, url: string, init: Init): Promise<Response> {
  if (init.body !== undefined) throw new RedirectRefused("a redirect of a request with a body, which a browser does not let the SDK inspect");
  const headers = Object.fromEntries(Object.entries(init.headers).filter(([name]) => /^(accept|authorization)$/i.test(name)));
  return fetch(url, { ...init, headers, redirect: "follow" });
}

/** The same for a Request (openapi-fetch's `raw` clients): its body read once, so a redirect within the origin can send it again. */
export async function fetchRequestFollowing(fetch: typeof globalThis.fetch, request: Request): Promise<Response> {
  const body = request.body === null ? undefined : await request.arrayBuffer();
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  // openapi-fetch hands its fetch a Request: so does this, for each hop
  const send = ((url: string, init: RequestInit) => fetch(new Request(url, init))) as typeof globalThis.fetch;
  return fetchFollowing(send, request.url, { method: request.method, headers, ...(body === undefined ? {} : { body }), signal: request.signal });
}
