// MCP over stdio, like the SDK's StdioServerTransport, except for one message too large: the SDK's
// transport closes the session on it, silently (the server then answers nothing, not even ping). Here
// the oversized line is skipped without being kept, the client gets a JSON-RPC error (for its request's
// id when one can be seen at either end of the line) and stderr a line, and the session goes on.
import type { Readable, Writable } from "node:stream";
import { deserializeMessage, serializeMessage, STDIO_DEFAULT_MAX_BUFFER_SIZE } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** The largest message read (the SDK's own limit, 10 MiB). */
export const MAX_MESSAGE_BYTES = STDIO_DEFAULT_MAX_BUFFER_SIZE;
/** How much of an oversized line's start and end is kept to find its id. */
const EDGE = 256;
const ID_AT_END = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")\s*\}\s*$/;
const ID_AT_START = /^\s*\{(?:[^{}]*?,)??\s*"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")/;

export class LineTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;
  /** The current line's chunks (while it is within the limit). */
  #chunks: Buffer[] = [];
  #size = 0;
  /** Set while an oversized line is skipped: its first and last bytes. */
  #skipping: { head: string; tail: string; size: number } | undefined;

  constructor(
    private readonly stdin: Readable,
    private readonly stdout: Writable,
    /** Told about an oversized message (the command writes it to stderr). */
    private readonly onOversized: (bytes: number) => void,
    private readonly limit = MAX_MESSAGE_BYTES,
  ) {}

  #ondata = (chunk: Buffer) => {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.#take(chunk.subarray(start, newline));
      this.#endLine();
      start = newline + 1;
    }
    if (start < chunk.length) this.#take(chunk.subarray(start));
  };

  #onerror = (error: Error) => this.onerror?.(error);

  #take(part: Buffer): void {
    if (!part.length) return;
    if (this.#skipping) {
      this.#skipping.size += part.length;
      this.#skipping.tail = (this.#skipping.tail + part.toString("latin1")).slice(-EDGE);
      return;
    }
    if (this.#size + part.length <= this.limit) {
      this.#chunks.push(part);
      this.#size += part.length;
      return;
    }
    const kept = Buffer.concat([...this.#chunks, part]);
    this.#skipping = { head: kept.subarray(0, EDGE).toString("latin1"), tail: kept.subarray(-EDGE).toString("latin1"), size: kept.length };
    this.#chunks = [];
    this.#size = 0;
  }

  #endLine(): void {
    if (this.#skipping) {
      const { head, tail, size } = this.#skipping;
      this.#skipping = undefined;
      this.onOversized(size);
      const id = ID_AT_END.exec(tail)?.[1] ?? ID_AT_START.exec(head)?.[1];
      const message = `Message of ${size} bytes is larger than ${this.limit} bytes, the most this server reads; it was skipped.`;
      void this.send({ jsonrpc: "2.0", id: id === undefined ? null : JSON.parse(id), error: { code: ErrorCode.InvalidRequest, message } } as unknown as JSONRPCMessage);
      return;
    }
    const line = Buffer.concat(this.#chunks, this.#size).toString("utf8").replace(/\r$/, "");
    this.#chunks = [];
    this.#size = 0;
    if (!line.trim()) return;
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch (error) {
      this.onerror?.(error as Error);
      return;
    }
    this.onmessage?.(message);
  }

  async start(): Promise<void> {
    this.stdin.on("data", this.#ondata);
    this.stdin.on("error", this.#onerror);
  }

  async close(): Promise<void> {
    this.stdin.off("data", this.#ondata);
    this.stdin.off("error", this.#onerror);
    if (this.stdin.listenerCount("data") === 0) this.stdin.pause();
    this.#chunks = [];
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(serializeMessage(message))) resolve();
      else this.stdout.once("drain", resolve);
    });
  }
}
