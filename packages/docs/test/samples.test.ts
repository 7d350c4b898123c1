// The site shows the code samples the SDK packages prove: each package's docs-samples suite runs the
// samples src/samples.ts generates from the model against its own build and the mock, and the
// page of every API carries exactly those (dist/<api>/code-samples.json, injected as x-codeSamples).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { codeSamples } from "../src/samples.js";
import { apis, builtApi } from "./helpers/built.js";

describe.each(apis)("%s code samples", (api) => {
  const built = builtApi(api);

  it("are the generator's samples of every operation of the model, in the page too", () => {
    expect(Object.keys(built.samples).sort()).toEqual(built.operations.map((op) => op.operationId).sort());
    for (const op of built.operations) expect(built.samples[op.operationId]).toEqual(codeSamples(built, op));
    const page = readFileSync(new URL(`../dist/${api}/index.html`, import.meta.url), "utf8");
    const curl = built.samples[built.operations[0]!.operationId]!.find((sample) => sample.label === "curl")!;
    expect(page).toContain(JSON.stringify(curl.source).slice(1, 40));
  });
});
