// The judge of the page's simulator, in one place: none yet (the engine answers alone and the panel
// says the exchange is not judged). When @repo/mock-server/browser has createBrowserJudge, this is it.
export const judged = false;

export function pageJudge(_spec: object): undefined {
  return undefined;
}
