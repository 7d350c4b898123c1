// Where the gates find things: the APIs of spec/ and their bundles, derived from the build's own paths.
import { join, relative } from "node:path";
import { apiArtifacts, listApis, repoRoot, specFile, specRoot } from "@repo/model/build";

export { listApis, repoRoot, specFile, specRoot };

/**
 * The bundled spec of one API, built from spec/<api>/ by the build's own bundler (@repo/model/build),
 * so the gates need no SDK package built first and cover every folder of spec/.
 */
export const bundleFile = (api: string): string => apiArtifacts(api).bundleFile;

/** The SDK package folder of one API. */
export const packageDir = (api: string): string => join(repoRoot, "packages", api);

/** A path as the reader should type it: relative to the repository root. */
export const fromRoot = (path: string): string => relative(repoRoot, path) || ".";

/** Where a gate test writes scratch files (ignored by git, cleaned by each test). */
export const outputDir = join(repoRoot, "packages", "spec-checks", "test-output");

/** The broken fixtures each gate is proven against. */
export const fixture = (...parts: string[]): string => join(repoRoot, "packages", "spec-checks", "fixtures", ...parts);
