// The promise every SDK method returns: awaiting it gives the typed body; `.withResponse()` gives the
// body and the raw Response of the same call (no second request), like the OpenAI/Anthropic SDKs.
import type { ApiResult } from "./request.js";

export class ApiPromise<T> extends Promise<T> {
  #result: Promise<ApiResult<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<ApiResult<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  // Promise methods (then/catch/finally) build plain Promises, not ApiPromises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The parsed body together with the raw Response (status, request id, rate-limit headers). */
  withResponse(): Promise<ApiResult<T>> {
    return this.#result;
  }

  #parsed(): Promise<T> {
    return (this.#data ??= this.#result.then((result) => result.data));
  }

  // `any` reasons, as in the standard Promise signatures, so `.catch((e: Error) => …)` compiles
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }
}
