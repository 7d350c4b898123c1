// A mistake in how the CLI was called: reported in one line (plus a hint) with exit code 2, never a stack.

export const ExitCode = { ok: 0, apiError: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = "UsageError";
  /** A line telling how to get help, e.g. "Run `cloudnexus instances/create --help` for its flags." */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** A known failure outside the API (a mock that cannot start, an unreadable config): exit 1, its message only. */
export class CliFailure extends Error {
  override name = "CliFailure";
}
