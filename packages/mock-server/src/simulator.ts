// The simulator of one API, transport-free: a request in, an answer (or a dropped connection) out.
// Each host (the HTTP server, mock.fetch, MSW's handlers) only translates its transport to this.
//   request ─► chosen latency ─► chosen fault? ─► the judge (Prism's router and validators) ─► engine
// A request that breaks the spec gets the API's own error body (the spec's 400/422 naming each violation;
// `strict` answers Prism's 422 instead); an answer that would break the spec becomes a 500 naming the
// violations, as `prism proxy --errors` does. Without a judge (a page, where Prism cannot run) the
// engine answers alone. No Node built-ins: runs in a page.
import { createEngine, type Engine, type EngineModel, type EngineOptions, type EngineResponse } from "@repo/mock-engine";
import type { MockClock } from "./clock.js";
import type { Exchange } from "./exchange-recorder.js";
import { faultPlan, type FaultKind, type FaultOptions, type FaultPlan } from "./faults.js";
import type { Judge, PrismDiagnostic, PrismProblem, PrismRequest, PrismResponse } from "./judge-core.js";
import { latencyPlan, type LatencyOptions } from "./latency.js";
import { operationMatcher } from "./operations.js";
import { describeViolation, violationsFromProblem, type Violation } from "./violations.js";

export interface SimulatorOptions extends Omit<EngineOptions, "now"> {
  /** Answer requests that break the spec with Prism's 422 listing the violations, not the spec's error body. */
  strict?: boolean | undefined;
  latency?: LatencyOptions | undefined;
  faults?: FaultOptions | undefined;
}

/** One request as a host hands it over: the path under the API's base URL, headers in lower case. */
export interface SimRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Record<string, string>;
  /** Parsed JSON, or the text when it is not JSON, or null. */
  body: unknown;
  /** The path and query as the client sent them (for the log). */
  target: string;
}

export type Outcome =
  | { answer: { status: number; headers: Record<string, string>; body?: unknown }; exchange: Exchange }
  /** No answer: the connection drops ("reset") or the answer never comes ("timeout"). */
  | { drop: "reset" | "timeout"; exchange: Exchange };

export interface Simulator {
  readonly engine: Engine;
  readonly clock: MockClock;
  /** Every operationId of the spec. */
  readonly operationIds: readonly string[];
  exchange(request: SimRequest, signal?: AbortSignal): Promise<Outcome>;
  /** Faults from now on (replacing those of the options); `undefined` stops them. */
  inject(faults: FaultOptions | undefined): void;
  /** The engine's initial state, and the fault and latency draws from their start. */
  reset(): void;
}

const PROBLEM = "https://stoplight.io/prism/errors#";
const SEVERITY = ["Error", "Warning", "Information", "Hint"];

const toViolation = (side: Violation["side"]) => (diagnostic: PrismDiagnostic): Violation => ({
  side,
  where: (diagnostic.path ?? []).join("."),
  severity: SEVERITY[diagnostic.severity] ?? "Error",
  message: diagnostic.message,
});

/** Prism's own diagnostic list format (the `sl-violations` header, a problem's `validation`). */
const listed = (side: string, diagnostics: PrismDiagnostic[]) =>
  diagnostics.map((d) => ({ location: [side, ...(d.path ?? [])], severity: SEVERITY[d.severity] ?? "Error", code: d.code, message: d.message }));

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

const FAULT_TEXT: Record<number, string> = {
  500: "The server failed (a fault the mock was asked for).",
  503: "The service is unavailable for a moment (a fault the mock was asked for).",
  429: "Too many requests (a fault the mock was asked for).",
};

export function createSimulator(spec: any, model: EngineModel, options: SimulatorOptions & { clock: MockClock; judge?: Judge | undefined }): Simulator {
  const { clock, judge } = options;
  const engine = createEngine(spec, model, { ...options, now: clock.now });
  const nameOperation = operationMatcher(spec);
  const operationIds = model.operations.map((op) => op.operationId);
  let faultOptions = options.faults;
  let faults: FaultPlan | undefined;
  let delayOf: ReturnType<typeof latencyPlan>;
  const start = () => {
    faults = faultPlan(faultOptions, operationIds);
    delayOf = latencyPlan(options.latency, operationIds, typeof options.seed === "number" ? options.seed : 1);
  };
  start();

  /** The API's answer to a request; `rejections` are its violations, which become the API's own error. */
  const answer = (request: PrismRequest, rejections: PrismDiagnostic[], operationId: string | undefined, search: URLSearchParams): PrismResponse => {
    let reply: EngineResponse | undefined;
    if (rejections.length) {
      const security = rejections.some((r) => r.code === 401);
      if (options.strict) {
        const problem: PrismProblem = security
          ? { status: 401, type: `${PROBLEM}UNAUTHORIZED`, title: "Invalid security scheme used", detail: "The request has no credentials the spec accepts." }
          : { status: 422, type: `${PROBLEM}UNPROCESSABLE_ENTITY`, title: "Invalid request", detail: "The request does not follow the spec and the mock runs in strict mode.", validation: listed("request", rejections) };
        throw problem;
      }
      const violations = rejections.map(toViolation("request"));
      const message = `The request does not follow the API: ${violations.map(describeViolation).join("; ")}`.slice(0, 1000);
      const problems = violations.map((v) => ({ field: v.where || v.side, reason: v.message }));
      reply = security
        ? engine.errorAnswer(operationId, 401)
        : (engine.errorAnswer(operationId, 422, message, problems) ?? engine.errorAnswer(operationId, 400, message, problems));
      if (!reply) throw { status: security ? 401 : 422, type: `${PROBLEM}${security ? "UNAUTHORIZED" : "UNPROCESSABLE_ENTITY"}`, title: "Invalid request", detail: message, validation: listed("request", rejections) } satisfies PrismProblem;
    } else {
      reply = engine.handle({ method: request.method.toUpperCase(), path: request.url.path, query: search, headers: request.headers, body: (request.body ?? undefined) as never });
    }
    return { statusCode: reply.status, headers: reply.headers, ...(reply.body === undefined ? {} : { body: reply.body }) };
  };

  /** The judged answer (the engine's alone without a judge). */
  async function judged(request: SimRequest, operationId: string | undefined): Promise<Outcome & { answer: object }> {
    const { method, target: path } = request;
    const input: PrismRequest = { method: method.toLowerCase(), url: { path: request.path, query: queryOf(request.search) }, headers: request.headers, body: request.body };
    if (!judge) {
      const reply = answer(input, [], operationId, request.search);
      return { answer: { status: reply.statusCode, headers: reply.headers, body: reply.body }, exchange: { method, path, status: reply.statusCode, operationId, violations: [] } };
    }
    const verdict = await judge.judge(input, (req, rejections, id) => answer(req, rejections, id, request.search));
    if (!verdict.ok) {
      const body = JSON.stringify(verdict.problem);
      return {
        answer: { status: verdict.problem.status, headers: { "content-type": "application/problem+json" }, body },
        exchange: { method, path, status: verdict.problem.status, operationId, violations: violationsFromProblem("application/problem+json", body) },
      };
    }
    const violations = [...verdict.input.map(toViolation("request")), ...verdict.outputViolations.map(toViolation("response"))];
    const broken = verdict.outputViolations.filter((v) => v.severity === 0);
    if (broken.length) {
      // the engine made an answer the spec does not allow: say so, never serve it
      const body = {
        type: `${PROBLEM}VIOLATIONS`,
        title: "Request/Response not valid",
        status: 500,
        detail: "The stateful mock made an answer that breaks the spec; this is a bug of the mock or of the spec's x- extensions.",
        validation: listed("response", broken),
      };
      return { answer: { status: 500, headers: { "content-type": "application/problem+json" }, body }, exchange: { method, path, status: 500, operationId, violations } };
    }
    const headers = { ...verdict.output.headers };
    if (violations.length) headers["sl-violations"] = JSON.stringify([...listed("request", verdict.input), ...listed("response", verdict.outputViolations)]).slice(0, 8000);
    return { answer: { status: verdict.output.statusCode, headers, body: verdict.output.body }, exchange: { method, path, status: verdict.output.statusCode, operationId, violations } };
  }

  /** What the API's gateway answers for a chosen 500/503/429: the spec's error for the status when it declares one. */
  function faultAnswer(operationId: string | undefined, status: 500 | 503 | 429, retryAfter: number) {
    const reply = engine.errorAnswer(operationId, status, FAULT_TEXT[status]);
    const headers: Record<string, string> = reply ? { ...reply.headers } : { "content-type": "application/json" };
    for (const name of Object.keys(headers)) if (/^retry-after$/i.test(name)) delete headers[name];
    if (status !== 500) headers["retry-after"] = String(retryAfter);
    return { status, headers, body: reply ? reply.body : { message: FAULT_TEXT[status] } };
  }

  return {
    engine,
    clock,
    operationIds,
    async exchange(request, signal) {
      const operationId = nameOperation(request.method, request.path);
      const fault: FaultKind | undefined = faults?.draw(operationId);
      const latency = delayOf?.(operationId) ?? 0;
      if (latency > 0) await clock.sleep(latency, signal);
      const noted = (exchange: Exchange): Exchange => ({ ...exchange, ...(fault === undefined ? {} : { fault }), ...(latency > 0 ? { latency } : {}) });
      const bare = { method: request.method, path: request.target, operationId, violations: [] };
      if (fault === "reset") return { drop: "reset", exchange: noted({ ...bare, status: 0 }) };
      if (typeof fault === "number") {
        const reply = faultAnswer(operationId, fault, faults!.retryAfter);
        return { answer: reply, exchange: noted({ ...bare, status: fault }) };
      }
      const outcome = await judged(request, operationId);
      // carried out, and the answer is lost on its way back
      if (fault === "timeout") return { drop: "timeout", exchange: noted(outcome.exchange) };
      return { ...outcome, exchange: noted(outcome.exchange) };
    },
    inject(next) {
      faultOptions = next;
      faults = faultPlan(next, operationIds);
    },
    reset() {
      engine.reset();
      faultOptions = options.faults;
      start();
    },
  };
}
