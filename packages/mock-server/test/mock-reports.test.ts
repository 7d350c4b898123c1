// What the mock and the contract proxy make of Prism's answers, and what they say when Prism is missing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { operationMatcher, PrismMissingError, resolvePrismCli } from "../src/index.js";
import { collectViolations } from "../src/violations.js";

describe("collectViolations", () => {
  const header = (entries: unknown[]) => new Headers({ "sl-violations": JSON.stringify(entries) });
  const problem = (body: unknown) => [new Headers({ "content-type": "application/problem+json" }), JSON.stringify(body)] as const;

  it.each([
    [
      "a response field of the wrong type (header)",
      [header([{ location: ["response", "body", "id"], severity: "Error", message: "must be string" }]), "{}"],
      [{ side: "response", where: "body.id", severity: "Error", message: "must be string" }],
    ],
    [
      "an undocumented status (a warning)",
      [header([{ location: ["response"], severity: "Warning", message: "Unable to match the returned status code" }]), ""],
      [{ side: "response", where: "", severity: "Warning", message: "Unable to match the returned status code" }],
    ],
    [
      "a rejected request (422 problem, locations without a side)",
      problem({
        type: "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY",
        validation: [{ location: ["query", "status"], severity: "Error", message: "must be one of" }],
      }),
      [{ side: "request", where: "query.status", severity: "Error", message: "must be one of" }],
    ],
    [
      "a route the spec does not have",
      problem({ type: "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR", title: "Route not resolved", detail: "The route /x hasn't been found" }),
      [{ side: "request", where: "", severity: "Error", message: "Route not resolved: The route /x hasn't been found" }],
    ],
    ["a problem the API itself sent", problem({ type: "https://example.com/errors/quota", title: "Quota" }), []],
    ["a clean exchange", [new Headers({ "content-type": "application/json" }), "{}"], []],
  ] as const)("%s", (_name, [headers, body], want) => {
    expect(collectViolations(headers, body)).toEqual(want);
  });

  it("does not count a violation twice when the header and the body both list it", () => {
    const entry = { location: ["response", "body"], severity: "Error", message: "must have required property 'meta'" };
    const headers = new Headers({ "sl-violations": JSON.stringify([entry]), "content-type": "application/problem+json" });
    const body = JSON.stringify({ type: "https://stoplight.io/prism/errors#VIOLATIONS", validation: [entry] });
    expect(collectViolations(headers, body)).toHaveLength(1);
  });
});

describe("operationMatcher", () => {
  const name = operationMatcher({
    paths: {
      "/instances": { get: { operationId: "instances.list" }, post: { operationId: "instances.create" } },
      "/instances/{id}": { get: { operationId: "instances.get" }, parameters: [] },
      "/instances/{id}/actions/start": { post: { operationId: "instances.start" } },
      "/instances/actions": { get: { operationId: "actions.list" } },
    },
  });

  it.each([
    ["GET", "/instances?page=2", "instances.list"],
    ["POST", "/instances", "instances.create"],
    ["GET", "/instances/inst_1", "instances.get"],
    ["GET", "/instances/actions", "actions.list"], // a literal segment beats a template
    ["POST", "/instances/inst_1/actions/start", "instances.start"],
    ["DELETE", "/instances/inst_1", undefined],
    ["GET", "/nowhere", undefined],
  ])("%s %s → %s", (method, path, want) => {
    expect(name(method, path)).toBe(want);
  });
});

describe("resolvePrismCli", () => {
  it("finds Prism's bin when it is installed", () => {
    expect(resolvePrismCli()).toMatch(/@stoplight\/prism-cli\/dist\/index\.js$/);
  });

  it("says exactly what to install when Prism is missing", () => {
    const empty = mkdtempSync(join(tmpdir(), "no-prism-"));
    try {
      const resolve = () => resolvePrismCli(pathToFileURL(join(empty, "index.js")).href);
      expect(resolve).toThrow(PrismMissingError);
      expect(resolve).toThrow("npm install --save-dev @stoplight/prism-cli@5.14.2");
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});
