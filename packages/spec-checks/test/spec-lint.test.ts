// Gate 1: every spec passes Redocly's recommended-strict and the project's rules with zero problems.
import { describe, expect, it } from "vitest";
import { redoclyLint } from "../src/redocly-lint.js";
import { assertClean } from "../src/report.js";
import { fixture, listApis, specFile } from "../src/repo.js";

describe.each(listApis())("spec/%s", (api) => {
  it("passes redocly lint (recommended-strict + project rules) without an error or a warning", () => {
    assertClean(`redocly lint spec/${api}`, "Fix each problem at the file and line shown (rules: redocly.yaml, redocly-plugins/).", redoclyLint(specFile(api)));
  });
});

describe("the spec lint gate", () => {
  it("passes a spec that follows every convention", () => {
    expect(redoclyLint(fixture("valid", "openapi.yaml"))).toEqual([]);
  });

  it("catches each broken convention of fixtures/broken-conventions", () => {
    const findings = redoclyLint(fixture("broken-conventions", "openapi.yaml"));
    const found = (rule: string, text: string) => findings.some((f) => f.rule === rule && f.message.includes(text));
    expect(found("info-license", "license")).toBe(true); // recommended-strict
    expect(found("rule/operation-id-namespace-method", "<namespace>.<method>")).toBe(true);
    expect(found("project/success-example", '"widgets.get" has no example')).toBe(true);
    expect(found("project/standard-error-responses", "does not document 429")).toBe(true);
    expect(found("project/standard-error-responses", "does not document 5XX")).toBe(true);
    expect(found("project/standard-error-responses", "The 401 response of \"widgets.get\" is written inline")).toBe(true);
    expect(found("project/list-pagination", "no `page_size` query parameter")).toBe(true);
    expect(found("project/list-pagination", "declares `page` inline")).toBe(true);
    expect(found("project/list-pagination", "`meta` of list")).toBe(true);
    expect(found("project/id-pattern", "Property `id`")).toBe(true);
    expect(found("project/id-pattern", "Path parameter `widget_id`")).toBe(true);
  });

  it("points at the file and line of each problem", () => {
    const [first] = redoclyLint(fixture("broken-conventions", "openapi.yaml"));
    expect(first?.where).toMatch(/^packages\/spec-checks\/fixtures\/broken-conventions\/openapi\.yaml:\d+/);
  });
});
