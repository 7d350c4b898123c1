// What the CLI prints (src/output.ts): pretty on a terminal, one line in a pipe, --all as JSON lines, and
// secrets masked everywhere.
import { describe, expect, it } from "vitest";
import { maskHeader, Output } from "../src/output.js";
import { run } from "./helpers/widgetco.js";

describe("output", () => {
  it("pretty-prints on a terminal and prints one line in a pipe", async () => {
    expect((await run(["ping"], { tty: true })).stdout).toBe('{\n  "ok": true\n}\n');
    expect((await run(["ping"], { tty: false })).stdout).toBe('{"ok":true}\n');
  });

  it("--all prints the items of each page as JSON lines", async () => {
    const { stdout, calls } = await run(["widgets/list", "--all"], { answer: { widgets: [{ id: 1 }, { id: 2 }], total: 2 } });
    expect(stdout).toBe('{"id":1}\n{"id":2}\n');
    expect(calls[0]?.params).toEqual({ page: 1 });
  });

  it("never echoes a token given on the command line, even in a usage error", async () => {
    const { code, stderr } = await run(["--token", "tok-1234-secret", "tok-1234-secret"]);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "****"');
  });

  it("masks secrets in everything printed, and credential headers", () => {
    let text = "";
    const output = new Output({ write: (t: string) => (text += t) }, { write: (t: string) => (text += t) }, false);
    output.addSecret("s3cr3t-token");
    output.out("a s3cr3t-token b\n");
    output.err("Bearer s3cr3t-token\n");
    expect(text).toBe("a **** b\nBearer ****\n");
    expect(maskHeader("Authorization", "Bearer abc")).toBe("Bearer ****");
    expect(maskHeader("content-type", "application/json")).toBe("application/json");
  });
});
