// Runs sample programs one after another in this one Node process, because a Node start per sample is
// most of what they cost, and writes what each did to the JSON file named first: whether it threw,
// set an exit code or left a rejection unhandled, and what it wrote to stderr. Usage:
//   node sample-runner.mjs <results.json> <sample.js>…
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [resultsFile, ...samples] = process.argv.slice(2);

// SAMPLES_REROUTE, [[from, to], …]: a request to a URL under `from` goes to `to` instead (the API's servers
// → the mock), as the suite does to the URLs a curl sample names; the SDK sends an operation with a server
// of its own there whatever base URL it was given
const reroute = JSON.parse(process.env.SAMPLES_REROUTE ?? "[]");
if (reroute.length) {
  const send = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const [from, to] = reroute.find(([from]) => url === from || url.startsWith(`${from}/`) || url.startsWith(`${from}?`)) ?? [];
    if (from === undefined) return send(input, init);
    const target = to + url.slice(from.length);
    return send(input instanceof Request ? new Request(target, input) : target, init);
  };
}
const results = {};
let current;
const writeStderr = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) => {
  if (current === undefined) return writeStderr(chunk, ...rest);
  results[current].stderr += String(chunk);
  return true;
};
process.on("unhandledRejection", (error) => {
  if (current !== undefined) results[current].error ??= `unhandled rejection: ${error?.stack ?? error}`;
});

for (const file of samples) {
  current = file;
  results[file] = { error: null, stderr: "" };
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    results[file].error = String(error?.stack ?? error);
  }
  await new Promise((resolve) => setTimeout(resolve, 0)); // a sample's stray callbacks land on it, not on the next
  if (process.exitCode) results[file].error ??= `set process.exitCode = ${process.exitCode}`;
  process.exitCode = 0;
}
current = undefined;
writeFileSync(resultsFile, JSON.stringify(results));
