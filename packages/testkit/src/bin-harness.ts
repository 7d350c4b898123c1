// For tests of a package's bin: run it as a user would (the built file, its shebang, a clean
// environment with its own config directory) and collect its output and exit code.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunBinOptions {
  /** The environment (the test's own is NOT inherited, so no stray token leaks in). */
  env: NodeJS.ProcessEnv;
  /** Text written to stdin (stdin is closed either way, as in a pipe). */
  input?: string;
}

/** The variables a child needs to run node at all, without the caller's credentials. */
export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { PATH, SYSTEMROOT, TMPDIR, LANG } = process.env;
  return { PATH, SYSTEMROOT, TMPDIR, LANG, NO_COLOR: "1", ...extra };
}

/** Runs the executable `bin` with `args`; resolves when it exits. */
export function runBin(bin: string, args: readonly string[], options: RunBinOptions): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args], { env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
    // a bin that exits without reading its input (e.g. "not built yet") closes the pipe: EPIPE is not a failure
    child.stdin.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") reject(error);
    });
    child.stdin.end(options.input ?? "");
  });
}

/** The header lines `--include` printed, by lower-case name, and the status. */
export function parseHead(stdout: string): { status: number; headers: Map<string, string>; body: string } {
  const [head = "", ...rest] = stdout.split("\n\n");
  const [statusLine = "", ...lines] = head.split("\n");
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  return { status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\n\n") };
}

export interface Harness {
  /** Runs the bin with a fresh config directory per harness; every output is kept for leak checks. */
  run(args: readonly string[], options?: { env?: NodeJS.ProcessEnv; input?: string }): Promise<BinResult>;
  /** The config directory the bin uses ($XDG_CONFIG_HOME). */
  configHome: string;
  /** Everything the bin printed so far, stdout and stderr. */
  transcript(): string;
}

/** A harness around one package's built bin (`dist/cli.js`), with its own temporary XDG_CONFIG_HOME. */
export function binHarness(bin: string, configHome: string): Harness {
  const outputs: string[] = [];
  return {
    configHome,
    async run(args, options = {}) {
      const env = baseEnv({ XDG_CONFIG_HOME: configHome, HOME: configHome, ...options.env });
      const result = await runBin(bin, args, { env, ...(options.input === undefined ? {} : { input: options.input }) });
      outputs.push(result.stdout, result.stderr);
      return result;
    },
    transcript: () => outputs.join("\n"),
  };
}

/**
 * Installs a package the way npm would, from its `npm pack` tarball: unpacked into a fresh
 * node_modules, its runtime dependencies linked beside it (from the workspace, so no registry is
 * needed) and its bin linked in node_modules/.bin. Returns the bin's path and a clean-up.
 */
export function installPacked(packageDir: string, binName: string): { bin: string; root: string; remove(): void } {
  const packageJson = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const root = mkdtempSync(join(tmpdir(), `${packageJson.name}-install-`));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", root], { cwd: packageDir, encoding: "utf8" }).trim();
  const installed = join(root, "node_modules", packageJson.name);
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(root, tarball), "-C", installed, "--strip-components=1"]);
  const require = createRequire(join(packageDir, "package.json"));
  for (const dependency of Object.keys(packageJson.dependencies ?? {})) {
    const link = join(root, "node_modules", dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(dirname(require.resolve(`${dependency}/package.json`)), link, "dir");
  }
  const bin = join(root, "node_modules", ".bin", binName);
  mkdirSync(dirname(bin), { recursive: true });
  symlinkSync(join("..", packageJson.name, packageJson.bin[binName]), bin);
  return { bin, root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
