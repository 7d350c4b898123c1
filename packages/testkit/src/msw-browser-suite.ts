// The simulator in a real page (headless Chromium): the engine and Prism's judge bundled for the browser
// (esbuild, platform browser: a Node-only import fails the build), its handlers registered with MSW's
// setupWorker, and a plain fetch from the page to the API's real base URL creating an item and listing
// it back (or, for an API without a resource, its probe operation answered), each answer judged. And
// the corpus of good and bad exchanges: the same verdicts from Prism as prism-cli runs it, from the build
// of it an SDK's mock entry carries (Node) and from the build of it for pages (Chromium).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadJudge, loadPrismCliJudge, type Judge } from "@repo/mock-server";
import type { Verdict } from "@repo/mock-server/browser";
import { launchChromium, type Browser } from "./browser.js";
import { credentialHeaders, withCredential } from "./credentials.js";
import { bodyOf, found, judgeCorpus, verdictSummary, type CorpusCase } from "./judge-corpus.js";
import { probeOperation, type Json, type SdkPackage, type SuiteOperation } from "./package.js";
import { itemOfAnswer, resourcesOf } from "./stateful-suite.js";

const require = createRequire(import.meta.url);

const page = (specFile: string, modelFile: string) => `
  import { http, HttpResponse } from "msw";
  import { setupWorker } from "msw/browser";
  import { assembleMock, createBrowserJudge } from "@repo/mock-server/browser";
  import spec from ${JSON.stringify(specFile)};
  import model from ${JSON.stringify(modelFile)};
  const judge = createBrowserJudge(spec);
  window.run = async (plan) => {
    const mock = assembleMock(spec, model, { judge, msw: () => ({ http, HttpResponse }) });
    const worker = setupWorker(...mock.handlers);
    await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, quiet: true, onUnhandledRequest: "error" });
    const out = [];
    for (const call of plan) {
      const response = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) });
      out.push({ status: response.status, body: await response.text() });
    }
    worker.stop();
    return { out, requests: mock.requests.map((r) => ({ operationId: r.operationId, violations: r.violations })) };
  };
  window.judgeCorpus = async (cases) => {
    const verdicts = [];
    for (const { request, answer } of cases) verdicts.push(await judge.judge(structuredClone(request), () => answer));
    return verdicts;
  };
`;

export function mswBrowserSuite(pkg: SdkPackage, token: string): void {
  const resource = resourcesOf(pkg).find((r) => r.list && !/\{/.test(r.create.path) && !/\{/.test(r.list.path));
  const probe = probeOperation(pkg);
  const base = String(pkg.spec.servers[0].url).replace(/\/+$/, "");
  // each call carries the credentials the SDK would send for its operation (its scheme, its place)
  const call = (op: SuiteOperation, body?: Json) => ({
    url: withCredential(pkg, op.operationId, token, `${base}${op.path}`),
    method: op.method,
    headers: { ...credentialHeaders(pkg, op.operationId, token), "content-type": "application/json" },
    body,
  });
  let server: Server;
  let browser: Browser;
  let pageUrl: string;

  describe(`${pkg.name}'s simulator in Chromium through MSW's setupWorker`, () => {
    beforeAll(async () => {
      const bundle = await build({
        stdin: { contents: page(join(pkg.dir, "generated/openapi.json"), join(pkg.dir, "generated/model.json")), resolveDir: import.meta.dirname, loader: "js" },
        bundle: true,
        format: "esm",
        platform: "browser",
        write: false,
      });
      const files: Record<string, [string, string]> = {
        "/": ["text/html", '<!doctype html><link rel="icon" href="data:,"><script type="module" src="/app.js"></script>'],
        "/app.js": ["text/javascript", bundle.outputFiles[0]!.text],
        "/mockServiceWorker.js": ["text/javascript", readFileSync(require.resolve("msw/mockServiceWorker.js"), "utf8")],
      };
      server = createServer((req, res) => {
        const file = files[req.url ?? ""];
        if (file) res.writeHead(200, { "content-type": file[0] }).end(file[1]);
        else res.writeHead(404).end();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    const title = resource
      ? `a plain fetch from the page to ${base} creates with ${resource.create.operationId} and lists it back with ${resource.list!.operationId}`
      : `a plain fetch from the page to ${base} is answered by ${probe.operationId}`;
    it(title, async () => {
      const tab = await browser.newPage();
      await tab.goto(pageUrl);
      await tab.waitForFunction(() => typeof (window as unknown as { run?: unknown }).run === "function");
      const plan = resource
        ? [
            call(resource.create, bodyOf(resource.create)),
            call(resource.list!),
          ]
        : [call(probe)];
      const result = await tab.evaluate((calls) => (window as unknown as { run(p: unknown): Promise<{ out: Array<{ status: number; body: string }>; requests: Array<{ operationId: string; violations: unknown[] }> }> }).run(calls), plan);
      if (resource) {
        const [created, listed] = result.out;
        expect(created!.status, created!.body).toBe(resource.create.successStatus ? Number(resource.create.successStatus) : 201);
        const key = itemOfAnswer(resource, JSON.parse(created!.body) as Json)[resource.keyField];
        expect(listed!.status).toBe(200);
        expect(listed!.body).toContain(JSON.stringify(key));
        // judged in the page: Prism's validators found nothing to say against either exchange
        expect(result.requests).toEqual([
          { operationId: resource.create.operationId, violations: [] },
          { operationId: resource.list!.operationId, violations: [] },
        ]);
      } else {
        expect(result.out[0]!.status, result.out[0]!.body).toBe(200);
        expect(result.requests).toEqual([{ operationId: probe.operationId, violations: [] }]);
      }
    }, 120_000); // the page loads and runs Prism's judge: a generous ceiling for a busy machine

    it("Prism built for Node and for the page give each exchange of the corpus the verdict Prism gives as prism-cli runs it", async () => {
      const corpus: CorpusCase[] = judgeCorpus(pkg, token);
      const specFile = join(pkg.dir, "generated/openapi.json");
      const inNode = async (judge: Judge) => {
        const verdicts: Json[] = [];
        for (const { request, answer } of corpus) verdicts.push(verdictSummary(await judge.judge(structuredClone(request), () => answer)));
        return verdicts;
      };
      const reference = await inNode(await loadPrismCliJudge(specFile));
      const built = await inNode(await loadJudge(specFile));
      const tab = await browser.newPage();
      await tab.goto(pageUrl);
      await tab.waitForFunction(() => typeof (window as unknown as { judgeCorpus?: unknown }).judgeCorpus === "function");
      const inPage = (await tab.evaluate((cases) => (window as unknown as { judgeCorpus(c: unknown): Promise<Verdict[]> }).judgeCorpus(cases), corpus)).map(verdictSummary);
      const named = (summaries: Json[]) => Object.fromEntries(corpus.map((c, i) => [c.name, summaries[i]]));
      expect(named(built)).toEqual(named(reference));
      expect(named(inPage)).toEqual(named(reference));
      // and the corpus means something: each bad exchange is caught, the good one passes clean
      expect(Object.fromEntries(corpus.map((c, i) => [c.name, found(reference[i]!, c.expect)]))).toEqual(Object.fromEntries(corpus.map((c) => [c.name, true])));
    }, 120_000); // loads Prism twice in Node and once in the page: a generous ceiling for a busy machine
  });
}
