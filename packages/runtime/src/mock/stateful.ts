// The stateful mock: the state engine (@repo/mock-engine) answers, Prism judges. Every request goes
//   client ─► front (this process: request log, Prism's rejections reworded) ─► prism proxy --errors
//          ─► engine server (this process)
// so each answer the engine makes is validated against the spec before the client sees it, and an
// answer that breaks the spec becomes Prism's 500 listing the violations (and a red line in the log).
import { readFileSync } from "node:fs";
import { createEngine, serveEngine, type Engine, type EngineModel, type EngineOptions } from "@repo/mock-engine";
import { startRecorder, type Exchange } from "./exchange-recorder.js";
import { operationMatcher } from "./operations.js";
import { freePort, startPrism } from "./prism.js";
import { describeViolation } from "./violations.js";

export interface StatefulMockOptions extends EngineOptions {
  /** The bundled spec (JSON). */
  specFile: string;
  /** The operation model built from it (generated/model.json), as an object or a file. */
  model: EngineModel | string;
  port?: number | undefined;
  host?: string | undefined;
  /** Answer requests that break the spec with Prism's 422 listing the violations, not the spec's error body. */
  strict?: boolean | undefined;
  startTimeout?: number | undefined;
  resolveFrom?: string | undefined;
  /** Called with each exchange once answered. */
  onExchange?: ((exchange: Exchange) => void) | undefined;
}

export interface StatefulMock {
  url: string;
  port: number;
  /** Prism's process id. */
  pid: number;
  engine: Engine;
  stop(): Promise<void>;
}

/** Starts engine, Prism proxy and front; resolves once all three answer. */
export async function startStatefulMock(options: StatefulMockOptions): Promise<StatefulMock> {
  const spec = JSON.parse(readFileSync(options.specFile, "utf8"));
  const model: EngineModel = typeof options.model === "string" ? JSON.parse(readFileSync(options.model, "utf8")) : options.model;
  const engine = createEngine(spec, model, options);
  // a taken port fails at once, in one line, before Prism is started for nothing
  if (options.port) await freePort(options.host ?? "127.0.0.1", options.port);
  const upstream = await serveEngine(engine);
  let prism;
  try {
    prism = await startPrism(options.specFile, {
      upstream: upstream.url,
      errors: true,
      ...(options.startTimeout !== undefined ? { startTimeout: options.startTimeout } : {}),
      ...(options.resolveFrom ? { resolveFrom: options.resolveFrom } : {}),
    });
  } catch (error) {
    await upstream.close();
    throw error;
  }
  const prismProcess = prism;
  const host = options.host ?? "127.0.0.1";
  try {
    const front = await startRecorder({
      prismUrl: prism.url,
      host,
      port: options.port ?? 0,
      nameOperation: operationMatcher(spec),
      rejectInvalidRequests: Boolean(options.strict),
      answerRejection: ({ status, operationId, violations }) => {
        if (status === 401) return engine.errorAnswer(operationId, 401);
        const message = `The request does not follow the API: ${violations.map(describeViolation).join("; ")}`.slice(0, 1000);
        const problems = violations.map((violation) => ({ field: violation.where || violation.side, reason: violation.message }));
        return engine.errorAnswer(operationId, 422, message, problems) ?? engine.errorAnswer(operationId, 400, message, problems);
      },
      onExchange: (exchange) => options.onExchange?.(exchange),
    });
    let stopped: Promise<void> | undefined;
    return {
      url: front.url,
      port: front.port,
      pid: prismProcess.pid,
      engine,
      stop: () => (stopped ??= Promise.all([front.close(), prismProcess.stop(), upstream.close()]).then(() => undefined)),
    };
  } catch (error) {
    await Promise.all([prismProcess.stop(), upstream.close()]);
    const reason = (error as NodeJS.ErrnoException).code === "EADDRINUSE" ? `port ${options.port} is already in use` : (error as Error).message;
    throw new Error(`Could not start the mock on ${host}:${options.port ?? 0}: ${reason}.`);
  }
}

