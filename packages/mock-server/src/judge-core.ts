// Prism as a judge, wherever it runs: its router and validators (the same code `prism proxy --errors`
// runs) check each request and each answer against the spec, while the answer itself comes from a
// function of ours instead of an upstream server. No Node built-ins: Node (judge.ts) and a page
// (browser-judge.ts) each load Prism's parts their own way and hand them here.
/** Prism's view of a request (IHttpRequest of @stoplight/prism-http). */
export interface PrismRequest {
  method: string;
  url: { path: string; query: Record<string, string | string[]> };
  headers: Record<string, string>;
  body: unknown;
}

/** Prism's view of an answer (IHttpResponse). */
export interface PrismResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** One diagnostic of Prism's validators. */
export interface PrismDiagnostic {
  path?: string[];
  code?: string | number;
  message: string;
  /** 0 error, 1 warning, 2 information, 3 hint. */
  severity: number;
}

/** A request Prism refused before any answer was made: no such route, or what `answer` rejected. */
export interface PrismProblem {
  status: number;
  type: string;
  title: string;
  detail: string;
  validation?: unknown[];
}

type Either<L, R> = { _tag: "Left"; left: L } | { _tag: "Right"; right: R };
const right = <R>(value: R): Either<never, R> => ({ _tag: "Right", right: value });
const left = <L>(value: L): Either<L, never> => ({ _tag: "Left", left: value });

export type Verdict =
  | { ok: true; output: PrismResponse; input: PrismDiagnostic[]; outputViolations: PrismDiagnostic[] }
  | { ok: false; problem: PrismProblem };

/**
 * Makes the answer of a routed request. `rejections` are the request's own violations (security
 * first); `operationId` is the spec's. Throwing a PrismProblem refuses the request with it.
 */
export type Answer = (request: PrismRequest, rejections: PrismDiagnostic[], operationId: string | undefined) => Promise<PrismResponse> | PrismResponse;

export interface Judge {
  judge(request: PrismRequest, answer: Answer): Promise<Verdict>;
}

/** Prism's HTTP instance (its router and validators with our components: logger, forward, mock). */
export type PrismInstance = { request(input: PrismRequest, operations: unknown[]): () => Promise<Either<any, any>> };
export type CreatePrismInstance = (config: object, components: object) => PrismInstance;

const noop = () => {};
/** Prism logs through pino; the mock reports exchanges itself. */
const silent: Record<string, unknown> = { info: noop, warn: noop, error: noop, debug: noop, trace: noop, fatal: noop, success: noop, child: () => silent };

/** The judge of `resources` (Prism's operations of one spec), on the Prism instance `createInstance` makes. */
export function prismJudge(createInstance: CreatePrismInstance, resources: unknown[]): Judge {
  // the answer of each request in flight, found again by the forward component Prism calls
  const answers = new WeakMap<PrismRequest, Answer>();
  const forward = (input: { data: PrismRequest; validations: PrismDiagnostic[] }, _base: string, _proxy: unknown, resource?: { iid?: string }) => () => async () => {
    try {
      const answer = answers.get(input.data);
      if (!answer) throw new Error("no answer for this request");
      const errors = input.validations.filter((v) => v.severity === 0);
      return right(await answer(input.data, errors, resource?.iid));
    } catch (error) {
      return left(error);
    }
  };
  const instance = createInstance(
    {
      isProxy: true,
      upstream: new URL("http://stateful-mock.invalid"),
      upstreamProxy: undefined,
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      errors: true, // hands the request's violations to the answer, which words the API's own error
      mock: { dynamic: false },
    },
    {
      logger: silent,
      forward,
      mock: () => () => left(new Error("the stateful mock does not fall back to Prism's mocker")),
    },
  );
  return {
    async judge(request, answer) {
      answers.set(request, answer);
      const result = await instance.request(request, resources)();
      if (result._tag === "Left") {
        const error = result.left as Partial<PrismProblem> & { name?: string; message?: string; additional?: { validation?: unknown[] } };
        if (typeof error.status === "number" && typeof error.type === "string") return { ok: false, problem: error as PrismProblem };
        // Prism's ProblemJsonError: its name is the problem type
        return {
          ok: false,
          problem: {
            status: error.status ?? 500,
            type: error.name ?? "https://stoplight.io/prism/errors#UNKNOWN",
            title: error.message ?? "Prism refused the request",
            detail: error.detail ?? String(error.message ?? ""),
            ...(error.additional?.validation ? { validation: error.additional.validation } : {}),
          },
        };
      }
      return { ok: true, output: result.right.output, input: result.right.validations.input, outputViolations: result.right.validations.output };
    },
  };
}
