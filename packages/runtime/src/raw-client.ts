// `client.raw`: the typed openapi-fetch client, loaded on first use. openapi-fetch is imported
// dynamically so that a bundle which never touches `raw` does not carry it (bundlers split it out).
import type { Client, ClientOptions, Middleware } from "openapi-fetch";

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;

export function lazyRawClient<Paths extends {}>(options: ClientOptions): Client<Paths> {
  let client: Promise<Client<Paths>> | undefined;
  const middleware: Middleware[] = [];
  const load = () =>
    (client ??= import("openapi-fetch").then(({ default: createClient }) => {
      const created = createClient<Paths>(options);
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
