// Runs a command with inherited output and measures it: wall time, and the CPU time (user + system) of
// its whole process tree, which sh's `times` reports for the children it waited for.
import { spawn } from "node:child_process";

/** Resolves with { status, wallMs, cpuMs } of `command args` (cpuMs is NaN if `times` said nothing). */
export function timed(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/bin/sh", ["-c", '"$@"; status=$?; times >&3; exit $status', "sh", command, ...args], {
      ...options,
      stdio: ["inherit", "inherit", "inherit", "pipe"],
    });
    let times = "";
    child.stdio[3].on("data", (chunk) => (times += chunk));
    child.once("error", reject);
    child.once("close", (status, signal) => {
      // `times` prints the shell's own line, then its children's: "0m12.34s 0m1.20s"
      const children = times.trim().split("\n").at(-1)?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
      const cpuMs = children ? (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000 : NaN;
      resolve({ status: status ?? (signal ? 128 : 1), wallMs: performance.now() - started, cpuMs });
    });
  });
}
