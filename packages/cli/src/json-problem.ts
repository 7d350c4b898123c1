// Where and why a text is not JSON, without quoting it: `--data @secret.txt` must not print the
// secret (V8's JSON.parse message quotes the text's first characters).
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

/** "line 3, column 7: a comma expected", or undefined when the text is JSON. */
export function jsonProblem(text: string): string | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return undefined;
  const before = text.slice(0, first.offset);
  const line = before.split("\n").length;
  const column = first.offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}: ${WHAT[printParseErrorCode(first.error)] ?? "not JSON"}`;
}

const WHAT: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "a property name (in double quotes) expected",
  ValueExpected: "a value expected",
  ColonExpected: "a colon expected",
  CommaExpected: "a comma expected",
  CloseBraceExpected: "a closing brace expected",
  CloseBracketExpected: "a closing bracket expected",
  EndOfFileExpected: "the end of the text expected",
  InvalidCommentToken: "comments are not JSON",
  UnexpectedEndOfComment: "comments are not JSON",
  UnexpectedEndOfString: "a string without its closing quote",
  UnexpectedEndOfNumber: "invalid number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape in a string",
  InvalidCharacter: "a control character inside a string",
};
