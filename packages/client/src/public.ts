// What every SDK package re-exports to its users (`export * from "@repo/client/public"`): the error
// classes, the option types and the result types. The SDK adds its ApiClient and generated types.
export { ApiPromise } from "./api-promise.js";
export {
  ActionFailedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
export type { ClientOptions, Clock, Logger, PreferOptions, RequestOptions, RetryInfo } from "./options.js";
export type { WaitOptions } from "./wait.js";
export type { ApiResult } from "./request.js";
export type { OperationParams, OperationResult } from "./typed.js";
