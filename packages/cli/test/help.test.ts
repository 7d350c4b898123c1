// Help generated from the model (src/help.ts, markdown.ts): the command list, a command's flags, and its
// Markdown description rendered for a terminal.
import { describe, expect, it } from "vitest";
import { run } from "./helpers/widgetco.js";

describe("help", () => {
  it("lists namespaces and commands with summaries", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n  ping +Summary of ping\n/);
    expect(stdout).toMatch(/\n  widgets\n    widgets\/attach +Summary of widgets.attach\n    widgets\/export +Summary of widgets.export\n    widgets\/icon +Summary of widgets.icon\n    widgets\/list +Summary of widgets.list\n/);
  });

  it("lists a command's flags with type, enum, default and required mark", async () => {
    const { stdout } = await run(["widgets/update", "--help"]);
    expect(stdout).toContain("Usage: widgetco widgets/update --id <string> --name <string> [flags]");
    expect(stdout).toMatch(/--id <string> +\(required\) The widget\./);
    expect(stdout).toMatch(/--size <small\|large> +One of: small, large\. Default: "small"\./);
    expect(stdout).toMatch(/--count <integer> +Range: min 1\./);
    expect(stdout).toMatch(/--tags <string>\.\.\. +Repeat the flag or give a JSON array\./);
    expect(stdout).toMatch(/--query-include {2,}Embed parts\./);
  });

  it("renders a Markdown description for a terminal: code spans, emphasis, links, lists, tables", async () => {
    const { stdout } = await run(["widgets/export", "--help"]);
    expect(stdout).toContain("Exports a widget as json or YAML; see the guide (https://widget.test/guide).");
    expect(stdout).toContain("\n• one item\n• another item\n");
    expect(stdout).toContain("\nformat  size\njson    small\n");
    expect(stdout).toMatch(/--id <string> +\(required\) The id of the widget\./);
    expect(stdout.slice(0, stdout.indexOf("Usage:"))).not.toMatch(/[`*]|\]\(/);
    // on a terminal, code spans stand out in colour; NO_COLOR turns that off
    expect((await run(["widgets/export", "--help"], { tty: true })).stdout).toContain("\u001b[36mjson\u001b[0m");
    expect((await run(["widgets/export", "--help"], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001b[");
  });

  it("`help <command>` is the same as `<command> --help`", async () => {
    expect((await run(["help", "widgets/list"])).stdout).toBe((await run(["widgets/list", "--help"])).stdout);
    expect((await run(["help", "login"])).stdout).toBe((await run(["login", "--help"])).stdout);
    expect((await run(["login", "--help"])).stdout).toContain("Usage: widgetco login --token <token>");
  });
});
