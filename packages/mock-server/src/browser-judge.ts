// Prism's judge in a page: the same router and validators as in Node (judge.ts), from the self-contained
// browser build of them (dist/prism-browser.js, about 1 MB), loaded on the first request judged, so a
// page that never judges never loads it. The page hands over the spec it already has.
import { prismJudge, type Judge } from "./judge-core.js";

/** Prism's judge of `spec` (an OpenAPI 3 document as an object, e.g. an SDK's generated/openapi.json). */
export function createBrowserJudge(spec: object): Judge {
  let loading: Promise<Judge> | undefined;
  const load = async () => {
    const prism = await import("@repo/mock-server/prism-browser");
    return prismJudge(prism.createInstance, prism.operationsOf(spec));
  };
  return {
    async judge(request, answer) {
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return (await loading).judge(request, answer);
    },
  };
}
