// The Try-it panel of every reference page, in Chromium, offline: every operation of every API sent
// with its prefilled values to the simulator in the page answers 2xx; one flow keeps its state across
// operations; a bad body is flagged before it is sent; an upload sends the file chosen in its file input. Prism's judge runs in the page and finds every
// prefilled exchange valid. No request leaves the page but the site's files.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fileFields, sendsBytes } from "@repo/model";
import { type Browser } from "@repo/testkit/browser";
import { describe, expect, it } from "vitest";
import { apis, builtApi } from "./helpers/built.js";
import { operationAnchors } from "./helpers/reference.js";
import { type ServedSite, siteInChromium } from "./helpers/site.js";
import { openTryIt, panel, send, setParam, watchedPage } from "./helpers/tryit.js";

const screenshots = fileURLToPath(new URL("../test-output/", import.meta.url));

let site: ServedSite;
let browser: Browser;

mkdirSync(screenshots, { recursive: true });
siteInChromium((served, chromium) => {
  site = served;
  browser = chromium;
});

/** Redoc's anchor of an operation (`<tag>/<operationId in lower case>`), among the page's. */
const anchorOf = (anchors: string[], operationId: string): string => {
  const anchor = anchors.find((candidate) => candidate.split("/").pop() === operationId.toLowerCase());
  if (!anchor) throw new Error(`no section for ${operationId}`);
  return anchor;
};

describe.each(apis)("%s reference page: Try it", (api) => {
  const built = builtApi(api);

  it("shows every operation's parameters (typed, enums as selects, required marked) and sends its prefilled values to the simulator in the page: a 2xx its judge finds valid", async () => {
    const { page, context, refused, errors } = await watchedPage(browser, site.url);
    await page.goto(`${site.url}/${api}/index.html`);
    const anchors = await operationAnchors(page);
    // the screenshots show an operation with a body when there is one
    const pictured = (built.operations.find((op) => op.requestBody) ?? built.operations[0])!.operationId;
    for (const op of built.operations) {
      const first = op.operationId === pictured;
      await openTryIt(page, anchorOf(anchors, op.operationId), op.operationId);
      // the form: one input per path, query and header parameter, enums as selects, required marked
      const fields = await panel(page).locator("[data-param]").evaluateAll((inputs) =>
        inputs.map((input) => ({
          name: input.getAttribute("data-param"),
          select: input.tagName === "SELECT" ? [...(input as HTMLSelectElement).options].map((o) => o.value).filter(Boolean) : null,
          required: (input as HTMLInputElement).required && Boolean(input.closest("label")?.querySelector(".tryit-required")),
        })),
      );
      const params = op.parameters.filter((p) => p.in !== "cookie");
      expect(fields.map((f) => f.name), op.operationId).toEqual(expect.arrayContaining(params.map((p) => p.name)));
      expect(fields).toHaveLength(params.length);
      for (const param of params) {
        const shown = fields.find((f) => f.name === param.name)!;
        expect(shown.required, `${op.operationId} ${param.name}`).toBe(param.required);
        if (Array.isArray(param.schema.enum)) expect(shown.select, `${op.operationId} ${param.name}`).toEqual(param.schema.enum.map(String));
      }
      // each operation from the spec's seed: its examples name the seed's items
      await panel(page).getByRole("button", { name: "Reset" }).click();
      // an upload: a file input for a body of bytes, one per file field of a form; each given a small file
      const fileInputs = panel(page).locator('input[type="file"]');
      expect(await fileInputs.count(), op.operationId).toBe(sendsBytes(op) ? 1 : fileFields(op).length);
      for (const input of await fileInputs.all()) await input.setInputFiles({ name: "upload.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
      if (first) await panel(page).screenshot({ path: `${screenshots}tryit-${api}-before.png` });
      const answer = await send(page);
      if (first) await panel(page).screenshot({ path: `${screenshots}tryit-${api}-after.png` });
      expect(answer.status, `${op.operationId}: ${answer.body}`).toBeGreaterThanOrEqual(200);
      expect(answer.status, `${op.operationId}: ${answer.body}`).toBeLessThan(300);
      // judged by Prism in the page, and valid
      expect(answer.violations, `${op.operationId}: ${answer.body}`).toEqual([]);
      // the upload carried the file chosen
      if (sendsBytes(op)) expect(await panel(page).locator(".tryit-sent").innerText()).toBe(`Sent 8 bytes as ${op.requestBody!.contentType}.`);
      else if (fileFields(op).length) expect(await panel(page).locator(".tryit-sent").innerText()).toMatch(new RegExp(`${fileFields(op)[0]} \\(8 bytes\\)`));
    }
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});

type Built = ReturnType<typeof builtApi>;
type Op = Built["operations"][number];

/**
 * A resource the flow can run on, from the model: created, listed with a filter, changed by an action
 * the reader waits for, deleted, and read back.
 */
function flowOf(built: Built) {
  for (const [name, resource] of Object.entries(built.resources)) {
    const role = (wanted: string, also: (op: Op) => boolean = () => true) => built.operations.find((op) => op.mock.resource === name && op.mock.role === wanted && also(op));
    const create = role("create");
    const list = role("list", (op) => Object.keys(op.mock.filters ?? {}).length > 0);
    const get = role("get");
    const remove = role("delete") ?? role("action", (op) => op.mock.effect?.delete === true);
    const action = role("action", (op) => op.mock.effect?.delete !== true && op.wait !== null && op.path.startsWith(`${resource.item}/`));
    if (create && list && get && remove && action && resource.keyParam) return { name, resource: { ...resource, keyParam: resource.keyParam }, create, list, get, remove, action };
  }
  return null;
}

const withFlow = apis.filter((api) => flowOf(builtApi(api)));

const field = (item: unknown, path: string): unknown => path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], item);

describe.each(withFlow)("%s reference page: one flow in one page", (api) => {
  const built = builtApi(api);
  const flow = flowOf(built)!;

  it(`${flow.create.operationId} → ${flow.list.operationId} with a filter finds it → ${flow.action.operationId} completes → ${flow.remove.operationId} → ${flow.get.operationId} answers 404`, async () => {
    const { page, context, refused, errors } = await watchedPage(browser, site.url);
    await page.goto(`${site.url}/${api}/index.html`);
    const anchors = await operationAnchors(page);
    const open = (op: Op) => openTryIt(page, anchorOf(anchors, op.operationId), op.operationId);
    /** Sends the poll operation of `op`'s wait until the work is done (the simulator's real clock). */
    const waitFor = async (op: Op, answer: unknown) => {
      const wait = op.wait!;
      const poll = built.operations.find((candidate) => candidate.operationId === wait.poll)!;
      await open(poll);
      await setParam(page, wait.param, String(field(answer, wait.from)));
      for (let attempt = 0; ; attempt += 1) {
        const polled = await send(page);
        expect(polled.status, polled.body).toBe(200);
        if (wait.done.includes(field(JSON.parse(polled.body), wait.field))) return;
        expect(attempt, `${op.operationId}: ${wait.what} not done: ${polled.body}`).toBeLessThan(40);
        await page.waitForTimeout(250);
      }
    };

    await open(flow.create);
    const created = await send(page);
    expect(created.status, created.body).toBe(Number(flow.create.successStatus));
    const item = JSON.parse(created.body);
    const key = String(item[flow.resource.keyField]);

    // the list, filtered on a field of the new item, finds it
    const [filter, path] = Object.entries(flow.list.mock.filters ?? {}).find(([, path]) => ["string", "number", "boolean"].includes(typeof field(item, path)))!;
    await open(flow.list);
    await setParam(page, filter, String(field(item, path)));
    // beside the form, the samples send what the reader typed
    const sample = (label: string) => panel(page).locator(`.tryit-samples pre[data-label="${label}"]`).innerText();
    await expect(sample("curl")).resolves.toContain(new URLSearchParams({ [filter]: String(field(item, path)) }).toString());
    await expect(sample("CLI")).resolves.toContain(String(field(item, path)));
    const listed = await send(page);
    expect(listed.status, listed.body).toBe(200);
    const page1 = JSON.parse(listed.body);
    const items = (flow.resource.listKey ? page1[flow.resource.listKey] : page1) as unknown[];
    expect(items.map((entry) => field(entry, flow.resource.keyField))).toContain(key);

    if (flow.create.wait) await waitFor(flow.create, item);
    await open(flow.action);
    await setParam(page, flow.resource.keyParam, key);
    const acted = await send(page);
    expect(acted.status, acted.body).toBeLessThan(300);
    await waitFor(flow.action, JSON.parse(acted.body));

    await open(flow.remove);
    await setParam(page, flow.resource.keyParam, key);
    const removed = await send(page);
    expect(removed.status, removed.body).toBeLessThan(300);
    if (flow.remove.wait) await waitFor(flow.remove, JSON.parse(removed.body));

    await open(flow.get);
    await setParam(page, flow.resource.keyParam, key);
    const gone = await send(page);
    expect(gone.status, gone.body).toBe(404);
    expect(Object.keys(flow.get.responses)).toContain("404");
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

/** The first operation whose JSON body schema requires a string property: what the bad bodies break. */
function bodyCase(built: Built) {
  for (const op of built.operations) {
    const schema = op.requestBody?.schema as { required?: string[]; properties?: Record<string, { type?: unknown }> } | undefined;
    const name = schema?.required?.find((property) => schema.properties?.[property]?.type === "string");
    if (op.requestBody && name) return { op, name };
  }
  return null;
}

const withBody = apis.filter((api) => bodyCase(builtApi(api)));

describe.each(withBody)("%s reference page: a bad body", (api) => {
  const built = builtApi(api);
  const { op, name } = bodyCase(built)!;

  it(`is flagged before it is sent, and answered with the spec's 400 (or its declared 422) and its violations if sent (${op.operationId}: ${name} missing, ${name} of the wrong type)`, async () => {
    const { page, context, refused, errors } = await watchedPage(browser, site.url);
    await page.goto(`${site.url}/${api}/index.html`);
    await openTryIt(page, anchorOf(await operationAnchors(page), op.operationId), op.operationId);
    const textarea = panel(page).locator("textarea[name=body]");
    const check = panel(page).locator(".tryit-check");
    const example = JSON.parse(await textarea.inputValue()) as Record<string, unknown>;
    await expect(textarea.getAttribute("aria-invalid")).resolves.toBe("false");

    const { [name]: _left, ...missing } = example;
    await textarea.fill(JSON.stringify(missing, null, 2));
    await expect(textarea.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(check.innerText()).resolves.toContain(name);

    await textarea.fill(JSON.stringify({ ...example, [name]: 12345 }, null, 2));
    await expect(textarea.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(check.innerText()).resolves.toMatch(new RegExp(`body\\.${name}: must be string`));

    // sent anyway: the spec's answer to an invalid request (400, or 422 where the operation declares it,
    // as Petstore's does), shown with the exchange's violations
    const answer = await send(page);
    expect([400, 422], answer.body).toContain(answer.status);
    expect(Object.keys(op.responses)).toContain(String(answer.status));
    expect(answer.violations?.join("\n"), answer.body).toContain(name);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
