// `cloudnexus completion bash|zsh|fish`: scripts the shells themselves accept (bash -n, zsh -n,
// fish --no-execute), and that complete commands, flags and enum values from the model. zsh and fish
// come from the OS, not node_modules: without one, the run says in one line what it did not check and
// how to install it, and passes; under CI it fails instead.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binHarness } from "@repo/testkit/bin-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const bin = new URL("../bin/cloudnexus.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "cloudnexus-completion-"));
const cli = binHarness(bin, dir);
const model = JSON.parse(readFileSync(new URL("../generated/model.json", import.meta.url), "utf8")) as { operations: Array<{ operationId: string }> };
const scripts: Record<string, string> = {};

/** What could not be checked, by the missing shell. */
const unchecked = new Map<string, string[]>();
const ci = !["", "0", "false"].includes(process.env.CI ?? "");
/** Runs a check that needs `shell`; without the shell (it is not found), notes what went unchecked. */
function withShell(shell: "zsh" | "fish", what: string, check: () => void): void {
  if (!spawnSync(shell, ["-c", "exit 0"]).error) return check();
  if (ci) throw new Error(`${shell} is not installed, so ${what} cannot be checked: apt-get install ${shell} (or brew install ${shell}).`);
  unchecked.set(shell, [...(unchecked.get(shell) ?? []), what]);
}
afterAll(() => {
  if (unchecked.size === 0) return;
  const shells = [...unchecked.keys()];
  const install = shells.join(" ");
  console.warn(`Not checked (${shells.join(" and ")} not installed): ${[...unchecked.values()].flat().join("; ")}. To check: apt-get install ${install} (or brew install ${install}).`);
});

beforeAll(async () => {
  for (const shell of ["bash", "zsh", "fish"]) {
    const result = await cli.run(["completion", shell]);
    expect(result.code).toBe(0);
    scripts[shell] = join(dir, `completion.${shell}`);
    writeFileSync(scripts[shell]!, result.stdout);
  }
});

/** What bash completes for the words typed so far (the last one being completed). */
function bashComplete(...words: string[]): string[] {
  const array = ["cloudnexus", ...words].map((w) => `'${w}'`).join(" ");
  const out = execFileSync("bash", ["-c", `source '${scripts.bash}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length}; _cloudnexus_completion; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: "utf8" });
  return out.split("\n").filter(Boolean);
}

describe("completion scripts", () => {
  it("bash accepts its script", () => {
    // throws (and fails the test) when the shell finds a syntax error
    execFileSync("bash", ["-n", scripts.bash!]);
  });

  it("zsh accepts its script", () => {
    withShell("zsh", "the zsh script's syntax", () => execFileSync("zsh", ["-n", scripts.zsh!]));
  });

  it("fish accepts its script", () => {
    withShell("fish", "the fish script's syntax", () => execFileSync("fish", ["--no-execute", scripts.fish!]));
  });

  it("bash completes every command, a command's flags, and an enum flag's values", () => {
    expect(bashComplete("")).toEqual(expect.arrayContaining(model.operations.map((op) => op.operationId.replaceAll(".", "/"))));
    expect(bashComplete("ssh")).toEqual(["sshKeys/create", "sshKeys/delete", "sshKeys/get", "sshKeys/list"]);
    expect(bashComplete("instances/list", "--re")).toEqual(["--region"]);
    expect(bashComplete("instances/list", "--status", "")).toEqual(["pending", "running", "stopped"]);
    expect(bashComplete("instances/list", "-o", "t")).toEqual(["table"]);
  });

  it("fish completes an enum flag's values with their description", () => {
    withShell("fish", "fish's completion of enum values", () => {
      const out = execFileSync("fish", ["-c", `source '${scripts.fish}'; complete -C 'cloudnexus instances/list --status '`], { encoding: "utf8" });
      expect(out.split("\n").filter(Boolean).map((line) => line.split("\t")[0])).toEqual(["pending", "running", "stopped"]);
    });
  });

  it("zsh reads #compdef on the first line", () => {
    expect(readFileSync(scripts.zsh!, "utf8").split("\n")[0]).toBe("#compdef cloudnexus");
  });

  it("an unknown shell is a usage error naming the shells", async () => {
    const result = await cli.run(["completion", "tcsh"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/completion needs a shell: one of bash, zsh, fish, not "tcsh"/);
  });
});
