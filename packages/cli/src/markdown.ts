// The spec's descriptions are Markdown; help prints them for a terminal: paragraphs wrapped to the
// width, lists as bullets, code blocks indented, tables aligned, links as "text (url)", code spans and
// emphasis in colour on a terminal and as plain text elsewhere. Parsing is marked's lexer.
import { Lexer, type Token, type Tokens } from "marked";

export interface MarkdownOptions {
  width: number;
  color: boolean;
}

const paint = (options: MarkdownOptions, code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Inline tokens as one line of text. */
function inline(tokens: Token[] | undefined, options: MarkdownOptions): string {
  return (tokens ?? [])
    .map((token) => {
      switch (token.type) {
        case "codespan":
          return paint(options, "36", decode((token as Tokens.Codespan).text));
        case "strong":
          return paint(options, "1", inline((token as Tokens.Strong).tokens, options));
        case "em":
          return paint(options, "3", inline((token as Tokens.Em).tokens, options));
        case "link": {
          const link = token as Tokens.Link;
          const text = inline(link.tokens, options);
          return text === link.href ? link.href : `${text} (${link.href})`;
        }
        case "br":
          return "\n";
        case "text":
          return "tokens" in token && token.tokens ? inline(token.tokens, options) : decode((token as Tokens.Text).text);
        default:
          return decode("text" in token ? String(token.text) : token.raw);
      }
    })
    .join("");
}

/** marked keeps entities escaped in text (`&quot;`, `&#39;`); a terminal shows the characters. */
const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Visible length: colour codes take no room. */
// eslint-disable-next-line no-control-regex
const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "").length;

/** Words of `text` in lines of at most `width` visible characters (a word longer than that stands alone). */
export function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  for (const hard of text.split("\n")) {
    let line = "";
    for (const word of hard.split(/\s+/).filter(Boolean)) {
      if (line && visible(line) + 1 + visible(word) > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

function block(token: Token, options: MarkdownOptions, indent: string): string[] {
  const room = Math.max(20, options.width - indent.length);
  switch (token.type) {
    case "paragraph":
    case "text":
      return wrapWords(inline((token as Tokens.Paragraph).tokens, options), room).map((line) => indent + line);
    case "heading":
      return [indent + paint(options, "1", inline((token as Tokens.Heading).tokens, options))];
    case "code":
      return (token as Tokens.Code).text.split("\n").map((line) => `${indent}    ${line}`);
    case "blockquote":
      return (token as Tokens.Blockquote).tokens.flatMap((child) => block(child, options, `${indent}│ `));
    case "list": {
      const list = token as Tokens.List;
      return list.items.flatMap((item, index) => {
        const bullet = list.ordered ? `${Number(list.start || 1) + index}. ` : "• ";
        const lines = item.tokens.flatMap((child) => block(child, { ...options, width: options.width - bullet.length }, ""));
        return lines.map((line, i) => `${indent}${i ? " ".repeat(bullet.length) : bullet}${line}`);
      });
    }
    case "table": {
      const table = token as Tokens.Table;
      const rows = [table.header.map((cell) => inline(cell.tokens, options)), ...table.rows.map((row) => row.map((cell) => inline(cell.tokens, options)))];
      const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => visible(row[column] ?? ""))));
      return rows.map((row) => indent + row.map((cell, column) => cell + " ".repeat(widths[column]! - visible(cell))).join("  ").trimEnd());
    }
    case "hr":
      return [indent + "─".repeat(Math.min(room, 40))];
    case "space":
      return [];
    default:
      return wrapWords(decode(token.raw), room).map((line) => indent + line);
  }
}

/** Markdown as terminal lines (no trailing newline); blocks are separated by one blank line. */
export function renderMarkdown(markdown: string, options: MarkdownOptions): string[] {
  const blocks = new Lexer().lex(markdown).filter((token) => token.type !== "space");
  return blocks.flatMap((token, i) => [...(i ? [""] : []), ...block(token, options, "")]);
}
