// @repo/model/build: spec → bundle → model → generated files, for build scripts and tests (Node only).
export { apiArtifacts, inputStamp, type ApiArtifacts } from "./artifacts.js";
export { authOf, buildModel } from "./build-model.js";
export { bundleSpec, specHash } from "./bundle.js";
export { cliModel, cliModelSource, packShared } from "./cli-model.js";
export { errorShape } from "./error-shape.js";
export { generateSdkSources, omittedLines } from "./generate.js";
export { operationTable } from "./operation-table.js";
export { checkPathTemplate } from "./path-template.js";
export { pnpm } from "./pnpm.js";
export { binPath, quietRedocly, redocly } from "./redocly.js";
export { servedBundle } from "./served-bundle.js";
export { typesOf } from "./typescript-types.js";
export { runMain, UsageError } from "./usage-error.js";
export { assertApi, listApis, repoRoot, specFile, specRoot } from "./workspace.js";
export { CONVENTIONAL_ID, deriveNames, type DerivedName, type DerivedNames } from "./derive-names.js";
export { isImported, namesOverlay, overlayFile, overlaysOf, refreshedOverlay, type RefreshedOverlay } from "./overlay.js";
export { assertUsableDocument } from "./usable-document.js";
export { baselineOf, baselineReport, compareBaseline, lintBaselineOf, lintIgnoreFile, lintWithoutBaseline, recordLintBaseline, type LintBaseline, type LintProblem } from "./lint-baseline.js";
