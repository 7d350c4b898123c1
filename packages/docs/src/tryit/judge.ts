// The judge of the page's simulator, in one place: Prism's router and validators built for the browser
// (@repo/mock-server/browser), which load on the first request judged, as a chunk of their own.
import { createBrowserJudge, type Judge } from "@repo/mock-server/browser";

export const judged = true;

export function pageJudge(spec: object): Judge {
  return createBrowserJudge(spec);
}
