// `client.raw`: the typed openapi-fetch client, loaded on first use. openapi-fetch is imported
// dynamically so that a bundle which never touches `raw` does not carry it (bundlers split it out).
import type { Client, ClientOptions, Middleware } from "openapi-fetch";
import { pathValueProblem } from "./checks.js";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;

type PathSerializer = NonNullable<ClientOptions["pathSerializer"]>;

/** `serialize`, refusing a path value that would leave its segment ("", ".", ".."), as the SDK's methods do. */
export function segmentSafe(serialize: PathSerializer): PathSerializer {
  return (pathname, params) => {
    for (const [name, value] of Object.entries(params ?? {})) {
      const problem = value === undefined || value === null ? undefined : pathValueProblem(Array.isArray(value) ? value.join(",") : String(value));
      if (problem) throw new TypeError(`Path parameter "${name}" of ${pathname} ${problem}: it would send the request to another path.`);
    }
    return serialize(pathname, params);
  };
}

export function lazyRawClient<Paths extends {}>(options: ClientOptions): Client<Paths> {
  let client: Promise<Client<Paths>> | undefined;
  const middleware: Middleware[] = [];
  const load = () =>
    (client ??= import("openapi-fetch").then(({ default: createClient, defaultPathSerializer }) => {
      const created = createClient<Paths>({ pathSerializer: segmentSafe(defaultPathSerializer), ...options });
      if (middleware.length) created.use(...middleware);
      return created;
    }));
  const raw: Record<string, unknown> = {
    // middleware registered before the first call is applied once the client exists
    use: (...added: Middleware[]) => {
      middleware.push(...added);
      void client?.then((c) => c.use(...added));
    },
    eject: (...removed: Middleware[]) => {
      for (const m of removed) if (middleware.includes(m)) middleware.splice(middleware.indexOf(m), 1);
      void client?.then((c) => c.eject(...removed));
    },
  };
  for (const method of METHODS) {
    raw[method] = (...args: unknown[]) => load().then((c) => (c[method] as (...a: unknown[]) => unknown)(...args));
  }
  return raw as unknown as Client<Paths>;
}
