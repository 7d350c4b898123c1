// Serves the built site (dist/) on 127.0.0.1, for the browser of @repo/testkit/browser.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { afterAll, beforeAll } from "vitest";
import { launchChromium, type Browser } from "@repo/testkit/browser";

export const distDir = fileURLToPath(new URL("../../dist/", import.meta.url));

export interface ServedSite {
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ with sirv on a free port of 127.0.0.1. */
export async function serveSite(dir: string = distDir): Promise<ServedSite> {
  const handler = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Is `url` served by this machine (or inline data)? Anything else is a request leaving the machine. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

/** For a whole test file: the built site served and a Chromium, handed to `ready` before its tests, both closed after. */
export function siteInChromium(ready: (site: ServedSite, browser: Browser) => void): void {
  let site: ServedSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveSite();
    browser = await launchChromium();
    ready(site, browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}
