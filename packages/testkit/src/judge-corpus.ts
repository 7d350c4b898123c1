// A corpus of good and bad exchanges (a request and the answer it got) built from one API's spec and
// model, for comparing two judges: Prism in Node and Prism built for the browser must give each the same
// verdict. The good answer is the engine's own; each bad one breaks one thing the judge checks.
import { createEngine, type EngineModel } from "@repo/mock-engine";
import type { PrismRequest, PrismResponse, Verdict } from "@repo/mock-server/browser";
import { credentialHeaders, withCredential } from "./credentials.js";
import { answersJson, probeOperation, type Json, type SdkPackage, type SuiteOperation } from "./package.js";

export interface CorpusCase {
  /** What the exchange breaks ("good" when nothing). */
  name: string;
  request: PrismRequest;
  answer: PrismResponse;
  /** What a judge must find: nothing, a violation of the request or of the answer, or a refusal. */
  expect: "nothing" | "request" | "answer" | "refusal";
}

/** The body of a call from its flat example params: the params that are not path, query or header parameters. */
export function bodyOf(op: SuiteOperation): Json | undefined {
  if (op.bodyMode === "body") return op.exampleParams.body as Json;
  const params = new Set(op.parameters.map((p) => p.name));
  const body = Object.fromEntries(Object.entries(op.exampleParams).filter(([name]) => !params.has(name)));
  return Object.keys(body).length ? body : undefined;
}

/** Prism's view of a call of `op` with its example params (less `without`), with the SDK's credentials for `token`. */
function requestOf(pkg: SdkPackage, op: SuiteOperation, token: string | undefined, without?: string): PrismRequest {
  const params = op.exampleParams as Json;
  const given = op.parameters.filter((p) => p.name !== without && params[p.name] !== undefined);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of given) {
    if (p.in === "query") query[p.name] = String(params[p.name]);
    if (p.in === "header") headers[p.name.toLowerCase()] = String(params[p.name]);
  }
  if (token !== undefined) {
    for (const [name, value] of Object.entries(credentialHeaders(pkg, op.operationId, token))) headers[name.toLowerCase()] = value;
    for (const [name, value] of new URL(withCredential(pkg, op.operationId, token, "http://corpus.invalid/")).searchParams) query[name] = value;
  }
  const body = bodyOf(op);
  if (body !== undefined) headers["content-type"] = "application/json";
  return { method: op.method.toLowerCase(), url: { path, query }, headers, body };
}

/** The engine's answer to `request` (the engine's answers follow the spec: that is what the judge checks). */
function engineAnswer(pkg: SdkPackage, request: PrismRequest): PrismResponse {
  const engine = createEngine(pkg.spec, pkg.model as unknown as EngineModel);
  const search = new URLSearchParams(request.url.query as Record<string, string>);
  const reply = engine.handle({ method: request.method.toUpperCase(), path: request.url.path, query: search, headers: request.headers, body: request.body as Json });
  return { statusCode: reply.status, headers: reply.headers, ...(reply.body === undefined ? {} : { body: reply.body }) };
}

/** `body` with its first field of a scalar or nested value swapped for one of another JSON type. */
function broken(body: unknown): unknown {
  if (Array.isArray(body)) return body.length ? [broken(body[0]), ...body.slice(1)] : 42;
  if (!body || typeof body !== "object") return typeof body === "number" ? "not a number" : 42;
  const [key, value] = Object.entries(body)[0] ?? [];
  if (key === undefined) return 42;
  return { ...body, [key]: typeof value === "string" ? 12345 : "not of this type" };
}

/** The exchanges of `pkg`'s corpus: each of them that the API's spec has a place for. */
export function judgeCorpus(pkg: SdkPackage, token: string): CorpusCase[] {
  const probe = probeOperation(pkg);
  const good = requestOf(pkg, probe, token);
  const answer = engineAnswer(pkg, good);
  const cases: CorpusCase[] = [
    { name: `good: ${probe.operationId} and the engine's answer`, request: good, answer, expect: "nothing" },
    { name: "a route the spec does not have", request: { ...good, url: { path: "/no-such-route-in-this-spec", query: {} } }, answer, expect: "refusal" },
  ];
  // an answer the spec gives no content has no schema to break
  if (answersJson(probe)) cases.splice(1, 0, { name: `${probe.operationId} answered with a body that breaks its schema`, request: good, answer: { ...answer, body: broken(answer.body) }, expect: "answer" });
  // a `default` answer covers every status, so only an operation without one has an undeclared status
  if (!("default" in (pkg.spec.paths[probe.path]?.[probe.method.toLowerCase()]?.responses ?? {}))) {
    cases.push({ name: `${probe.operationId} answered with a status it does not declare`, request: good, answer: { ...answer, statusCode: 418 }, expect: "answer" });
  }
  const secured = [probe, ...pkg.model.operations].find((op) => op.security.length && op.method === "GET");
  if (secured) cases.push({ name: `${secured.operationId} without credentials`, request: requestOf(pkg, secured, undefined), answer, expect: "request" });
  const authorization = good.headers.authorization;
  if (authorization) {
    // Bearer's token sent as Basic; Basic's credentials without the colon Prism looks for (base64 of "no-colon")
    const malformed = /^basic /i.test(authorization) ? "Basic bm8tY29sb24=" : `Basic ${authorization.replace(/^\S+\s+/, "")}`;
    cases.push({ name: `${probe.operationId} with a malformed credential`, request: { ...good, headers: { ...good.headers, authorization: malformed } }, answer, expect: "request" });
  }
  const requiredQuery = (op: SuiteOperation) => op.parameters.find((p) => p.in === "query" && p.required && op.exampleParams[p.name] !== undefined);
  const withQuery = pkg.model.operations.find(requiredQuery);
  if (withQuery) {
    const missing = requiredQuery(withQuery)!;
    cases.push({ name: `${withQuery.operationId} without its required query parameter ${missing.name}`, request: requestOf(pkg, withQuery, token, missing.name), answer, expect: "request" });
  }
  const numericQuery = (op: SuiteOperation) => op.parameters.find((p) => p.in === "query" && ["integer", "number"].includes(String(p.schema.type)));
  const withNumber = pkg.model.operations.find((op) => op.method === "GET" && numericQuery(op));
  if (withNumber) {
    const request = requestOf(pkg, withNumber, token);
    const param = numericQuery(withNumber)!.name;
    cases.push({ name: `${withNumber.operationId} with its query parameter ${param} not a number`, request: { ...request, url: { ...request.url, query: { ...request.url.query, [param]: "not-a-number" } } }, answer, expect: "request" });
  }
  const withBody = pkg.model.operations.find((op) => op.requestBody && bodyOf(op) !== undefined);
  if (withBody) {
    const request = requestOf(pkg, withBody, token);
    cases.push({ name: `${withBody.operationId} with a body that breaks its schema`, request: { ...request, body: broken(request.body) }, answer, expect: "request" });
  }
  const bodyRequired = pkg.model.operations.find((op) => op.requestBody?.required && op.exampleParams);
  if (bodyRequired) {
    const { ["content-type"]: _, ...headers } = requestOf(pkg, bodyRequired, token).headers;
    cases.push({ name: `${bodyRequired.operationId} without its required body`, request: { ...requestOf(pkg, bodyRequired, token), headers, body: undefined }, answer, expect: "request" });
  }
  return cases;
}

/** What two judges must agree on: refused or not (and the problem's status and type), and each violation's side, code, place and severity. */
export function verdictSummary(verdict: Verdict): Json {
  if (!verdict.ok) return { ok: false, status: verdict.problem.status, type: verdict.problem.type };
  const listed = (diagnostics: Verdict & { ok: true } extends { input: infer D } ? D : never) =>
    diagnostics.map((d) => `${d.code} ${(d.path ?? []).join(".")} ${d.severity}`).sort();
  return { ok: true, status: verdict.output.statusCode, request: listed(verdict.input), answer: listed(verdict.outputViolations) };
}

/** Whether a summary found what its case breaks (and only a good exchange finds nothing). */
export function found(summary: Json, expected: CorpusCase["expect"]): boolean {
  if (expected === "refusal") return summary.ok === false;
  if (expected === "nothing") return summary.ok === true && summary.request.length === 0 && summary.answer.length === 0;
  // an undeclared status is a warning in Prism; a broken schema, a missing part or credential an error
  return summary.ok === true && (expected === "request" ? summary.request : summary.answer).length > 0;
}
