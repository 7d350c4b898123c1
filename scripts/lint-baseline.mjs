#!/usr/bin/env node
// `pnpm lint-baseline <api> [--accept]`: re-records an imported spec's lint baseline (.redocly.lint-ignore.yaml)
// after fixes, so it only shrinks; `--accept` also records new problems (after refreshing the upstream file).
import { parseArgs } from "node:util";
import { assertApi, baselineReport, recordLintBaseline, runMain, UsageError } from "@repo/model/build";

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
  const { problems, added, fixed } = recordLintBaseline(api, { accept: parsed.values.accept });
  console.log(`spec/${api}: ${problems.length} lint problem(s) recorded (${fixed.length} fixed since the last record, ${added.length} new).`);
  if (problems.length) console.log(`Fix first:\n${baselineReport(problems).map((line) => `  ${line}`).join("\n")}`);
});
