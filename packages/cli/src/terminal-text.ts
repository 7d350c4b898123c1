// Text that came from the network, made safe for a terminal: a server's error message or field could
// otherwise set the window title, write the clipboard (OSC 52), clear the screen or overwrite a line.
// C0 and C1 controls (and DEL) are shown escaped, as JSON writes them (`\u001b`), never sent as they are.

const hex = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Plain text (messages, scalars): every control shown escaped, except newline and tab. */
export const safeText = (text: string): string => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, hex);

/** One table cell: every control shown escaped, newline and tab too (they would break the row). */
export const safeCell = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => (char === "\n" ? "\\n" : char === "\t" ? "\\t" : hex(char)));

/**
 * JSON or YAML text: JSON.stringify (and the yaml library) escape C0 controls but not DEL and C1. Only
 * quoted strings hold them there (yaml quotes a string that has one), where `\u0085` means the same.
 */
export const safeJson = (json: string): string => json.replace(/[\u007f-\u009f]/g, hex);
