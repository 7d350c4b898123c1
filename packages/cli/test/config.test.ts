// The config file `login` stores the token in (src/config.ts): owner-only modes, atomic writes, no writing
// through links, and one-line errors when it cannot be read or written.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configPath, removeStoredToken, writeConfig } from "../src/config.js";
import { run } from "./helpers/widgetco.js";

describe("the config file", () => {
  it("is written 0600 in a 0700 directory, even one that existed with looser modes", () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    const file = configPath("widgetco", { XDG_CONFIG_HOME: home });
    mkdirSync(join(home, "widgetco"), { mode: 0o755 });
    writeFileSync(file, "{}", { mode: 0o644 });
    writeConfig(file, { token: "t" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, "widgetco")).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ token: "t" });
    expect(removeStoredToken(file)).toBe(true);
    expect(removeStoredToken(file)).toBe(false);
  });

  it("a config file that is not JSON is named in a one-line error (exit 1)", async () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    mkdirSync(join(home, "widgetco"));
    writeFileSync(join(home, "widgetco", "config.json"), "not json");
    const { code, stderr, calls } = await run(["ping"], { configHome: home });
    expect(code).toBe(1);
    expect(stderr).toBe(`Error: ${join(home, "widgetco", "config.json")} is not valid JSON: fix it or delete it (\`logout\` does).\n`);
    expect(calls).toEqual([]);
  });

  it("login that cannot write the config says so in one line (exit 1), without the token", async () => {
    const notADirectory = join(mkdtempSync(join(tmpdir(), "cli-config-")), "file");
    writeFileSync(notADirectory, "");
    const { code, stderr, calls } = await run(["login", "--token", "tok-abcdef-123"], { configHome: notADirectory });
    expect(calls.map((c) => c.operationId)).toEqual(["ping"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: The token is valid but could not be stored in .*config\.json \(ENOTDIR\)\.\n$/);
  });

  it("a config directory that is a symbolic link is refused: nothing is re-moded or written through it", async () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "cli-elsewhere-"));
    chmodSync(elsewhere, 0o755);
    symlinkSync(elsewhere, join(home, "widgetco"));
    const file = configPath("widgetco", { XDG_CONFIG_HOME: home });
    expect(() => writeConfig(file, { token: "t" })).toThrow(`${join(home, "widgetco")} is a symbolic link; refusing to store a token through it`);
    const { code, stderr } = await run(["login", "--token", "tok-abcdef-123"], { configHome: home });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: The token is valid but could not be stored in .* \(.* is a symbolic link; refusing to store a token through it/);
    expect(stderr).not.toContain("tok-abcdef-123");
    expect(statSync(elsewhere).mode & 0o777).toBe(0o755);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("a file or link left at the temporary name is replaced, never written through", () => {
    const home = mkdtempSync(join(tmpdir(), "cli-config-"));
    const target = join(mkdtempSync(join(tmpdir(), "cli-elsewhere-")), "victim");
    writeFileSync(target, "keep");
    const file = configPath("widgetco", { XDG_CONFIG_HOME: home });
    mkdirSync(join(home, "widgetco"));
    symlinkSync(target, `${file}.${process.pid}.tmp`);
    writeConfig(file, { token: "t" });
    expect(readFileSync(target, "utf8")).toBe("keep");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ token: "t" });
  });

  it("falls back to ~/.config when XDG_CONFIG_HOME is unset", () => {
    expect(configPath("widgetco", {})).toMatch(/\.config\/widgetco\/config\.json$/);
  });
});
