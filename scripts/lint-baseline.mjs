#!/usr/bin/env node
// `pnpm lint-baseline <api> [--accept]`: re-records an imported spec's baselines (Redocly's, in
// .redocly.lint-ignore.yaml, and Spectral/OWASP's, in spec/<api>/security-baseline.yaml) after fixes, so
// they only shrink; `--accept` also records new lint problems (after refreshing the upstream file).
import { parseArgs } from "node:util";
import { assertApi, baselineReport, isImported, recordLintBaseline, runMain, UsageError } from "@repo/model/build";
import { recordSecurityBaseline } from "@repo/spec-checks/security-baseline";

const USAGE = "Usage: pnpm lint-baseline <api> [--accept]";

await runMain(async (argv) => {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { accept: { type: "boolean" } } });
  } catch (error) {
    throw new UsageError(`${error.message}\n${USAGE}`);
  }
  const [apiArg, ...extra] = parsed.positionals;
  if (!apiArg || extra.length) throw new UsageError(`Give one API name.\n${USAGE}`);
  const api = assertApi(apiArg);
  if (!isImported(api)) throw new UsageError(`spec/${api} was written here (it has no overlay.yaml): fix its lint problems instead of recording them.`);
  const { problems, added, fixed } = recordLintBaseline(api, { accept: parsed.values.accept });
  console.log(`spec/${api}: ${problems.length} lint problem(s) recorded (${fixed.length} fixed since the last record, ${added.length} new).`);
  console.log(`spec/${api}/security-baseline.yaml: ${recordSecurityBaseline(api)} Spectral/OWASP error(s) recorded.`);
  if (problems.length) console.log(`Fix first:\n${baselineReport(problems).map((line) => `  ${line}`).join("\n")}`);
});
