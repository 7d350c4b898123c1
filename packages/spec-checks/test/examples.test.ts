// Gate 3: every example of every bundled spec validates against its schema (Ajv, JSON Schema 2020-12).
import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { validateExamples } from "../src/examples.js";
import { assertClean } from "../src/findings.js";
import { join } from "node:path";
import { bundleFile, fixture, fromRoot, listApis, specRoot } from "../src/repo.js";
import { isImported } from "@repo/model/build";
import { bundleFixture, type Doc, mutate, readBundle } from "./helpers.js";

describe.each(listApis())("spec/%s, bundled", (api) => {
  it("has examples (a spec written here), and each one matches its schema", () => {
    const { checked, findings } = validateExamples(readBundle(api), fromRoot(bundleFile(api)), join(specRoot, api));
    // an imported spec is as upstream wrote it, examples or none (the mock samples its answers then)
    if (!isImported(api)) expect(checked, `spec/${api} has no example at all: add named examples to its responses and request bodies`).toBeGreaterThan(0);
    assertClean(`examples of ${api}`, `Fix each example (or its schema) in spec/${api}/.`, findings);
  });
});

describe("the examples gate", () => {
  let valid: Doc;
  beforeAll(() => {
    valid = bundleFixture("valid").doc;
  });

  it("checks every example of the valid fixture and finds none wrong", () => {
    const { checked, findings } = validateExamples(valid, "valid");
    expect(findings).toEqual([]);
    expect(checked).toBe(9); // 3 success responses + 1 request body + 5 error responses
  });

  it("catches an id off its pattern, a wrong type, an unknown enum value, a bad date and a wrong schema example", () => {
    const broken = mutate(valid, (doc) => {
      const examples = doc.components.examples;
      examples.Widget.value.id = "widget-1"; // pattern ^wdg_[a-z0-9]{8}$
      examples.WidgetList.value.meta.page = "1"; // integer
      examples.WidgetCreate.value.color = "green"; // enum
      doc.components.schemas.WidgetId.examples = ["not-an-id"]; // a schema's own examples
      doc.components.parameters.PageSize.example = 1000; // maximum 100
    });
    const wheres = validateExamples(broken, "broken").findings.map((f) => f.where);
    // the fixture is one file: a named example is found in its root document
    expect(validateExamples(broken, "broken", fixture("valid")).findings.map((f) => f.message)).toContainEqual(expect.stringContaining("fixtures/valid/openapi.yaml#/components/examples/Widget."));
    expect(wheres).toEqual(
      expect.arrayContaining([
        expect.stringContaining("(#/components/examples/Widget)"),
        expect.stringContaining("(#/components/examples/WidgetList)"),
        expect.stringContaining("(#/components/examples/WidgetCreate)"),
        expect.stringContaining("#/components/schemas/WidgetId/examples/0"),
        expect.stringContaining("#/components/parameters/PageSize/example"),
      ]),
    );
  });

  it("checks formats (date-time) with ajv-formats", () => {
    const broken = mutate(valid, (doc) => {
      doc.components.schemas.Widget.properties.created_at = { type: "string", format: "date-time", maxLength: 40, description: "Creation time." };
      doc.components.examples.Widget.value.created_at = "yesterday";
    });
    const [finding] = validateExamples(broken, "broken").findings;
    expect(finding?.message).toContain('must match format "date-time"');
  });

  // every API with named examples (an imported spec may have none: its examples are inline)
  const withNamedExamples = listApis().filter((api) => Object.keys(readBundle(api).components?.examples ?? {}).length > 0);
  it("some API has named examples to check the gate with", () => {
    expect(withNamedExamples.length).toBeGreaterThan(0);
  });

  it.each(withNamedExamples)("names the source file of a broken named example of spec/%s", (api) => {
    const bundle = readBundle(api);
    const [name] = Object.keys(bundle.components?.examples ?? {});
    const broken = mutate(bundle, (doc) => {
      doc.components.examples[name!].value = { not: "what the schema says" };
    });
    const messages = validateExamples(broken, api, join(specRoot, api)).findings.map((f) => f.message);
    // its own file in a spec split into files, else the root document of a one-file spec
    const source = existsSync(join(specRoot, api, "components", "examples", `${name}.yaml`))
      ? `spec/${api}/components/examples/${name}.yaml`
      : `spec/${api}/openapi.yaml#/components/examples/${name}`;
    expect(messages).toContainEqual(expect.stringContaining(source));
  });
});
