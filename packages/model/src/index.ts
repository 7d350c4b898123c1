// @repo/model: the model's type and the helpers any package may bundle (no Node built-ins here).
// The builder (bundle → model → generated files) is `@repo/model/build`, for build scripts and tests.
export * from "./api-model.js";
export { asSchemas, bodyModeOf, isJsonBody, isRecord, objectShape, withoutRefs } from "./call-shape.js";
export { fileFields, isBytesMedia, isFileSchema, isMultipartMedia, sendsBytes, takesFile } from "./file-bodies.js";
export { isJsonMedia, isTextMedia, parseAsOf } from "./media-types.js";
export { commandName, envNames, singular, splitOperationId } from "./names.js";
export { unpackModel, type PackedModel } from "./packed-model.js";
export { isProtocolHeader } from "./protocol-headers.js";
export { allOfProperties, deref, HTTP_METHODS, inline, objectProperties, rawOperation, serverUrl } from "./schema.js";
