// The Try-it panel of a reference page (loaded on the first click of a `Try it` button): one drawer
// for the page, showing the operation asked for. The form, the answer, and beside them the same
// request as the curl, SDK and CLI samples show it, filled with what the reader typed. Reads the
// page's own openapi.json and model.json: nothing here names an API.
import { fileFields, isJsonMedia, sendsBytes, type ApiModel, type Json, type ModelOperation } from "@repo/model";
import { cliSample, curlSample, httpRequest, TOKEN_PLACEHOLDER, typescriptSample } from "../samples.js";
import { checkBody } from "./check.js";
import { uploadBody } from "./upload.js";
import { paramForm, type ParamForm } from "./form.js";
import { PANEL_STYLE } from "./style.js";
import { Targets, type Answer, type Outgoing } from "./target.js";

interface Loaded {
  model: ApiModel;
  targets: Targets;
  drawer: HTMLElement;
  /** The drawer part that shows one operation. */
  body: HTMLElement;
  /** The target chooser, shown under the operation's title. */
  bar: HTMLElement;
  /** Re-renders the samples of the shown operation (the target changed). */
  refresh: () => void;
  /** Shows the current operation afresh (after Reset: its prefilled keys name the seed's items again). */
  rerender: () => void;
}

let loaded: Promise<Loaded> | undefined;

/** An element with its properties (dataset: data-* attributes) and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const { dataset, ...rest } = props as { dataset?: Record<string, string> };
  const element = Object.assign(document.createElement(tag), rest);
  Object.assign(element.dataset, dataset ?? {});
  element.append(...children);
  return element;
}

async function readJson(file: string): Promise<Json> {
  const response = await fetch(new URL(file, window.location.href));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}

async function load(): Promise<Loaded> {
  const [spec, model] = await Promise.all([readJson("openapi.json"), readJson("model.json")]);
  const targets = new Targets(spec, model);
  document.head.append(el("style", { textContent: PANEL_STYLE }));
  const drawer = el("aside", { id: "tryit-panel" });
  drawer.setAttribute("role", "dialog");
  drawer.setAttribute("aria-label", "Try it");
  const body = el("div", { className: "tryit-op" });
  body.style.cssText = "display:flex;flex-direction:column;flex:1;overflow:hidden";
  const state: Loaded = { model, targets, drawer, body, bar: body, refresh: () => {}, rerender: () => {} };
  state.bar = targetBar(state);
  drawer.append(body);
  document.body.append(drawer);
  return state;
}

/** The target chooser, shared by every operation: simulator, or a server URL and a token; and Reset. */
function targetBar(state: Loaded): HTMLElement {
  const choice = el("select", { name: "target" });
  choice.append(new Option("Simulator (in this page, offline)", "simulator"), new Option("A server (URL and token)", "server"));
  const server = el("input", { name: "server", type: "url", placeholder: state.model.servers[0] ?? "https://…" });
  const token = el("input", { name: "token", type: "password", placeholder: "token", autocomplete: "off" });
  const serverFields = el("span", { className: "tryit-server", hidden: true }, server, token);
  const reset = el("button", { type: "button", textContent: "Reset", title: "The simulator back to the spec's seed" });
  const update = () => {
    const kind = choice.value === "server" ? "server" : "simulator";
    state.targets.current = { kind, baseUrl: kind === "server" ? server.value.trim().replace(/\/+$/, "") || null : null, token: token.value };
    serverFields.hidden = kind !== "server";
    reset.hidden = kind !== "simulator";
    state.refresh();
  };
  for (const input of [choice, server, token]) input.addEventListener("input", update);
  reset.addEventListener("click", () => {
    state.targets.reset();
    state.rerender();
  });
  return el("div", { className: "tryit-target" }, el("strong", { textContent: "Target" }), choice, serverFields, reset);
}

/** Is the body typed as JSON: a JSON body, or a form with files, whose other fields are typed as JSON (as the CLI's --data)? */
const bodyAsJson = (op: ModelOperation): boolean => isJsonMedia(op.requestBody?.contentType ?? "application/json") || fileFields(op).length > 0;

/** The SDK params of the form and the body text, and the body text when it cannot be one (not JSON). */
function paramsOf(op: ModelOperation, form: ParamForm, bodyText: string | undefined): { params: Record<string, unknown>; raw?: string } {
  const params = form.values();
  if (!op.requestBody || bodyText === undefined || !bodyText.trim()) return { params };
  if (!bodyAsJson(op)) return { params: { ...params, body: bodyText } };
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return { params, raw: bodyText };
  }
  if (op.bodyMode === "body") return { params: { ...params, body: value } };
  if (value && typeof value === "object" && !Array.isArray(value)) return { params: { ...(value as object), ...params } };
  return { params, raw: bodyText };
}

/** The model and operation as the samples see them for the current target (a server: its URL). */
function shaped(state: Loaded, op: ModelOperation, params: Record<string, unknown>) {
  const { kind, baseUrl } = state.targets.current;
  const server = kind === "server" && baseUrl;
  return {
    model: server ? { ...state.model, servers: [baseUrl] } : state.model,
    op: { ...op, exampleParams: params, ...(server ? { servers: null } : {}) },
  };
}

/** The body part of SDK params: `body` in "body" mode, else every key that is not a parameter's. */
function bodyOfParams(op: ModelOperation, params: Record<string, unknown>): unknown {
  const names = new Set(op.parameters.map((p) => p.name));
  if (op.bodyMode === "body") return params.body;
  return op.bodyMode === "flat" ? Object.fromEntries(Object.entries(params).filter(([key]) => !names.has(key))) : undefined;
}

/** An upload in a few words: "8 bytes as image/png", "a form: title, file (8 bytes)", "no file". */
function sentText({ body, headers }: Outgoing): string {
  const type = headers.find(([name]) => /^content-type$/i.test(name))?.[1];
  if (body instanceof Blob) return `${body.size} bytes${type ? ` as ${type}` : ""}`;
  if (body instanceof FormData) return `a form: ${[...body.entries()].map(([name, value]) => (value instanceof Blob ? `${name} (${value.size} bytes)` : name)).join(", ") || "(empty)"}`;
  return "no file";
}

/** The request to send: the samples' own, with the credential put in place of the placeholder. */
function outgoing(state: Loaded, op: ModelOperation, params: Record<string, unknown>, raw: string | undefined): Outgoing {
  const shape = shaped(state, op, params);
  const request = httpRequest(shape.model, shape.op);
  const token = state.targets.token();
  const headers = request.headers.map(([name, value]): [string, string] => [name, value.replaceAll(TOKEN_PLACEHOLDER, token)]);
  if (request.basic) headers.unshift(["Authorization", `Basic ${btoa(request.basic.replace(TOKEN_PLACEHOLDER, token))}`]);
  if (raw !== undefined && !headers.some(([name]) => /^content-type$/i.test(name))) headers.push(["Content-Type", op.requestBody?.contentType ?? "application/json"]);
  const body = raw ?? request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  return { method: request.method, url: request.url.replaceAll(TOKEN_PLACEHOLDER, encodeURIComponent(token)), headers, body };
}

const SAMPLES = [
  ["curl", curlSample],
  ["TypeScript SDK", typescriptSample],
  ["CLI", cliSample],
] as const;

function pretty(answer: Answer): string {
  try {
    return JSON.stringify(JSON.parse(answer.body), null, 2);
  } catch {
    return answer.body;
  }
}

/** The answer as shown: status, time, headers, pretty body, violations; the token masked if echoed. */
function showAnswer(target: HTMLElement, answer: Answer, mask: (text: string) => string): void {
  const ok = answer.status >= 200 && answer.status < 300;
  const violations = answer.violations;
  target.replaceChildren(
    el("h4", { textContent: "Answer" }),
    el("p", {}, el("span", { className: `tryit-status ${ok ? "ok" : "error"}`, textContent: String(answer.status) }), " · ", el("span", { className: "tryit-time", textContent: `${answer.ms.toFixed(0)} ms` })),
    el("h4", { textContent: "Headers" }),
    el("pre", { className: "tryit-headers", textContent: mask(answer.headers.map(([name, value]) => `${name}: ${value}`).join("\n")) }),
    el("h4", { textContent: "Body" }),
    el("pre", { className: "tryit-body", textContent: mask(pretty(answer)) || "(empty)" }),
    el("h4", { textContent: "Violations" }),
    violations === null
      ? el("p", { className: "tryit-violations", dataset: { judged: "false" }, textContent: "Not judged here." })
      : violations.length
        ? el("ul", { className: "tryit-violations", dataset: { judged: "true" } }, ...violations.map((v) => el("li", { textContent: mask(`${v.side} ${v.where || ""}: ${v.message}`) })))
        : el("p", { className: "tryit-violations", dataset: { judged: "true" }, textContent: "None: the exchange follows the spec." }),
  );
}

/** Shows `op` in the drawer (the target and the simulator's state stay as they are). */
function render(state: Loaded, op: ModelOperation): void {
  const { body } = state;
  const example: Record<string, unknown> = { ...(op.exampleParams ?? {}) };
  // in the simulator, an operation on one item is prefilled with an item it holds (an imported spec's
  // example id need not be one of the items its examples seed)
  const owner = op.mock?.role === "subList" ? op.mock.parent : op.mock?.resource;
  const keyParam = owner ? state.model.resources[owner]?.keyParam : undefined;
  if (owner && keyParam && op.parameters.some((p) => p.name === keyParam && p.in === "path")) {
    const stored = state.targets.storedKey(owner, example[keyParam]);
    if (stored !== undefined) example[keyParam] = stored;
  }
  const form = paramForm(op, example);
  const exampleBody = bodyOfParams(op, example);
  const json = bodyAsJson(op);
  // an upload: a file input for a body of bytes (no text), or one per file field of a form beside its typed fields
  const uploads = sendsBytes(op) ? [""] : fileFields(op);
  const files = uploads.map((field) => el("input", { type: "file", name: field ? `file-${field}` : "body-file", dataset: { field } }));
  const typed = exampleBody && typeof exampleBody === "object" && !Array.isArray(exampleBody) ? Object.fromEntries(Object.entries(exampleBody).filter(([key]) => !uploads.includes(key))) : exampleBody;
  const textarea = op.requestBody && !sendsBytes(op) ? el("textarea", { name: "body", spellcheck: false, value: typed === undefined ? "" : json ? JSON.stringify(typed, null, 2) : String(typed) }) : null;
  const check = el("p", { className: "tryit-check" });
  const samples = el("div", { className: "tryit-samples" });
  const answer = el("div", { className: "tryit-answer" });
  const send = el("button", { type: "button", className: "tryit-send", textContent: "Send" });

  const checkNow = () => {
    if (!textarea || !json) return;
    const problems = checkBody(op, textarea.value, uploads);
    textarea.setAttribute("aria-invalid", String(problems.length > 0));
    check.className = `tryit-check ${problems.length ? "bad" : "good"}`;
    check.replaceChildren(...(problems.length ? [el("strong", { textContent: "The body does not follow the schema:" }), el("ul", {}, ...problems.map((p) => el("li", { textContent: p })))] : ["The body follows the schema."]));
  };
  const showSamples = () => {
    const { params } = paramsOf(op, form, textarea?.value);
    const shape = shaped(state, op, params);
    samples.replaceChildren(
      ...SAMPLES.flatMap(([label, sample]) => {
        let text: string;
        try {
          text = sample(shape.model, shape.op);
        } catch (error) {
          text = `(${(error as Error).message})`;
        }
        return [el("h4", { textContent: label }), el("pre", { dataset: { label }, textContent: text })];
      }),
    );
  };
  state.refresh = showSamples;
  state.rerender = () => render(state, op);
  form.element.addEventListener("input", showSamples);
  textarea?.addEventListener("input", () => {
    checkNow();
    showSamples();
  });
  send.addEventListener("click", async () => {
    const { kind, baseUrl, token } = state.targets.current;
    if (kind === "server" && !baseUrl) {
      answer.replaceChildren(el("p", { className: "tryit-error", textContent: "Give the server's URL first." }));
      return;
    }
    const mask = (text: string) => (kind === "server" && token.length >= 4 ? text.replaceAll(token, "••••") : text);
    send.disabled = true;
    answer.replaceChildren(el("p", { textContent: "Sending…" }));
    try {
      const { params, raw } = paramsOf(op, form, textarea?.value);
      const request = outgoing(state, op, params, raw);
      if (files.length) {
        // the file(s) chosen: a body of bytes with the operation's media type; a form whose boundary the browser writes
        const fields = (bodyOfParams(op, params) ?? {}) as Record<string, unknown>;
        request.body = uploadBody(op, files.map((input) => ({ field: input.dataset.field ?? "", file: input.files?.[0] })), fields);
        request.headers = request.headers.filter(([name]) => !/^content-type$/i.test(name));
        if (request.body instanceof Blob) request.headers.push(["Content-Type", op.requestBody?.contentType ?? "application/octet-stream"]);
      }
      showAnswer(answer, await state.targets.send(request), mask);
      // what an upload carried, which the samples cannot show: the file's size, the form's parts
      if (files.length) answer.prepend(el("p", { className: "tryit-sent", textContent: `Sent ${sentText(request)}.` }));
    } catch (error) {
      answer.replaceChildren(el("p", { className: "tryit-error", textContent: mask(`The request failed: ${(error as Error).message}`) }));
    } finally {
      send.disabled = false;
    }
  });

  const close = el("button", { type: "button", textContent: "Close" });
  close.addEventListener("click", () => (state.drawer.hidden = true));
  const left = el("div", { className: "tryit-left" }, form.element);
  if (op.requestBody) left.append(el("h4", { textContent: `Body (${op.requestBody.contentType ?? "application/json"})` }));
  for (const input of files) left.append(el("label", { className: "tryit-file" }, input.dataset.field ? `${input.dataset.field} ` : "File ", input));
  if (textarea) left.append(textarea, check);
  left.append(send, answer);
  body.replaceChildren(
    el("header", {}, el("span", { className: "tryit-title" }, `${op.method} `, el("code", { textContent: op.path }), ` · ${op.summary || op.operationId}`), close),
    state.bar,
    el("div", { className: "tryit-columns" }, left, samples),
  );
  body.dataset.operation = op.operationId;
  checkNow();
  showSamples();
  state.drawer.hidden = false;
}

/** Opens the panel on the operation of Redoc's section `anchor` (`<tag>/<operationId in lower case>`). */
export async function openPanel(anchor: string): Promise<void> {
  loaded ??= load();
  const state = await loaded;
  const id = anchor.split("/").pop();
  const op = state.model.operations.find((candidate) => candidate.operationId.toLowerCase() === id);
  if (op) render(state, op);
}
