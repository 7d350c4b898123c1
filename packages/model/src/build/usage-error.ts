// An error whose message is the whole story (bad input the user can fix): printed as one line, exit 2.
export class UsageError extends Error {}

/** Runs a script's main function and turns failures into one readable line and a non-zero exit. */
export async function runMain(fn: (argv: string[]) => unknown): Promise<void> {
  try {
    await fn(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\n✖ ${message}\n`);
    if (!(error instanceof UsageError) && process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
