// Gate 1: every spec passes Redocly's recommended-strict and the project's rules with zero problems.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { conventionalSpec } from "../../../bench/conventional-spec.mjs";
import { baselineOf, compareBaseline, isImported, lintBaselineOf, lintWithoutBaseline } from "@repo/model/build";
import { redoclyLint } from "../src/redocly-lint.js";
import { spectralLint } from "../src/spectral.js";
import { assertClean } from "../src/findings.js";
import { fixture, listApis, outputDir, specFile } from "../src/repo.js";
import { bundleFixture, mutate, writeDoc } from "./helpers.js";

describe.each(listApis())("spec/%s", (api) => {
  if (!isImported(api)) {
    it("passes redocly lint (recommended-strict + project rules) without an error or a warning, and has no baseline", () => {
      expect(lintBaselineOf(api), `spec/${api} is written here: fix its problems instead of recording them in .redocly.lint-ignore.yaml`).toBeNull();
      assertClean(`redocly lint spec/${api}`, "Fix each problem at the file and line shown (rules: redocly.yaml, redocly-plugins/).", redoclyLint(specFile(api)));
    });
  } else {
    it("an imported spec: lint finds nothing beyond its recorded baseline, and every recorded problem is still there (the count only goes down)", () => {
      const { added, fixed } = compareBaseline(lintBaselineOf(api) ?? {}, baselineOf(lintWithoutBaseline(api)));
      expect(added, `new lint problems in spec/${api}: fix them (spec/${api}/overlay.yaml), or after refreshing upstream run \`pnpm lint-baseline ${api} --accept\``).toEqual([]);
      expect(fixed, `fixed problems still in the baseline of spec/${api}: run \`pnpm lint-baseline ${api}\` to record the smaller count`).toEqual([]);
    });
  }
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

  it("catches a list whose page envelope is another schema, and spares 401 on an anonymous operation", () => {
    const valid = bundleFixture("valid").doc;
    const doc = mutate(valid, (copy) => {
      const schemas = copy.components.schemas;
      schemas.OtherMeta = structuredClone(schemas.PageMeta);
      schemas.ColorList = {
        type: "object",
        description: "A page of colours.",
        additionalProperties: false,
        required: ["colors", "meta"],
        properties: { colors: { type: "array", maxItems: 100, items: { $ref: "#/components/schemas/Color" } }, meta: { $ref: "#/components/schemas/OtherMeta" } },
      };
      const list = copy.paths["/widgets"].get;
      const colors = structuredClone(list);
      colors.operationId = "colors.list";
      colors.summary = "List colours";
      colors.security = []; // anonymous: no 401 needed
      delete colors.responses["401"];
      colors.responses["200"].content["application/json"] = {
        schema: { $ref: "#/components/schemas/ColorList" },
        examples: { page: { value: { colors: ["blue"], meta: { total: 1, page: 1, page_size: 25 } } } },
      };
      copy.paths["/colors"] = { get: colors };
    });
    const findings = redoclyLint(writeDoc("two-envelopes", doc));
    expect(findings.filter((f) => f.rule.startsWith("project/"))).toEqual([
      expect.objectContaining({ rule: "project/list-pagination", message: expect.stringContaining('List "colors.list" uses another `meta` schema') }),
    ]);
  });
});

/** Writes a document as YAML under test-output and returns its path. */
function writeYaml(name: string, doc: unknown): string {
  mkdirSync(join(outputDir, "fixtures"), { recursive: true });
  const file = join(outputDir, "fixtures", `${name}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}

describe("the scale benchmark's specs (bench/conventional-spec.mjs)", () => {
  it("follow every convention and the OWASP rules, so `pnpm bench:scale` measures specs the pipeline is made for", () => {
    const file = writeYaml("conventional-24", conventionalSpec(24));
    expect(redoclyLint(file)).toEqual([]);
    expect(spectralLint(file).errors).toEqual([]);
  });
});
