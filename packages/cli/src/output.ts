// Everything the CLI prints goes through here, so secrets are masked in one place: the token given
// (flag, environment or config) never reaches stdout or stderr, even inside a server's or a library's message,
// and stderr gets no terminal control sequence (a server's error message is quoted there).
import { safeJson, safeText } from "./terminal-text.js";

export interface TextSink {
  /** Text; bytes only for a binary answer written as it came (process.stdout takes both). */
  write(text: string | Uint8Array): unknown;
}

const MASK = "****";
/** Headers whose values are credentials. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i;

export class Output {
  private readonly secrets = new Set<string>();

  constructor(
    private readonly stdout: TextSink,
    private readonly stderr: TextSink,
    /** Pretty JSON (a terminal) or compact (a pipe). */
    readonly pretty: boolean,
  ) {}

  /** Masks `secret` in everything printed from now on. */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(MASK);
    return result;
  }

  out(text: string): void {
    this.stdout.write(this.redact(text));
  }

  /** A binary answer, as it came (never a terminal: the CLI refuses that first). */
  bytes(data: Uint8Array): void {
    this.stdout.write(data);
  }

  err(text: string): void {
    this.stderr.write(safeText(this.redact(text)));
  }

  /** A response body: pretty-printed JSON on a terminal, one line when piped; text as is. */
  body(value: unknown): void {
    if (value === undefined || value === null || value === "") return;
    if (typeof value === "string") this.out(safeText(value.endsWith("\n") ? value : `${value}\n`));
    else this.out(`${safeJson(JSON.stringify(value, null, this.pretty ? 2 : undefined))}\n`);
  }

  /** One JSON line (used when streaming items with --all). */
  jsonLine(value: unknown): void {
    this.out(`${safeJson(JSON.stringify(value))}\n`);
  }

  /** `HTTP/1.1 200 OK` and the headers, then a blank line (like `curl -i`). */
  head(response: Response): void {
    const lines = [`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd()];
    response.headers.forEach((value, name) => lines.push(`${name}: ${maskHeader(name, value)}`));
    this.out(`${safeText(lines.join("\n"))}\n\n`);
  }
}

/** `Bearer abc…` → `Bearer ****`; other headers unchanged. */
export function maskHeader(name: string, value: string): string {
  if (!SECRET_HEADER.test(name)) return value;
  const scheme = /^(\w+)\s+\S/.exec(value);
  return scheme ? `${scheme[1]} ${MASK}` : MASK;
}
