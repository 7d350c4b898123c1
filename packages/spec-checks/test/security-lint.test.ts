// Gate 2: Spectral (spectral:oas + OWASP API Security Top 10) finds no error in any bundled spec.
import { beforeAll, describe, expect, it } from "vitest";
import { assertClean } from "../src/findings.js";
import { bundleFile, listApis } from "../src/repo.js";
import { spectralLint } from "../src/spectral.js";
import { bundleFixture, type Doc, mutate, writeDoc } from "./helpers.js";

describe.each(listApis())("spec/%s, bundled", (api) => {
  it("has no Spectral/OWASP error", () => {
    const { errors } = spectralLint(bundleFile(api));
    assertClean(`spectral lint ${api}`, `Fix each in spec/${api}/ (the bundle's line is shown), or turn the rule off in .spectral.yaml with a reason.`, errors);
  });
});

describe("the security lint gate", () => {
  let valid: { file: string; doc: Doc };
  beforeAll(() => {
    valid = bundleFixture("valid");
  });

  it("passes a spec that follows the OWASP rules", () => {
    expect(spectralLint(valid.file).errors).toEqual([]);
  });

  it("catches plain-http servers, unprotected writes, unbounded strings and missing rate-limit headers", () => {
    const broken = mutate(valid.doc, (doc) => {
      doc.servers[0].url = "http://api.widgets.test/v1";
      doc.paths["/widgets"].post.security = [];
      delete doc.components.schemas.Widget.properties.name.maxLength;
      delete doc.paths["/widgets/{widget_id}"].get.responses["200"].headers;
    });
    const codes = spectralLint(writeDoc("owasp-broken", broken)).errors.map((f) => f.rule);
    expect(codes).toEqual(
      expect.arrayContaining([
        "owasp:api8:2023-no-server-http",
        "owasp:api2:2023-write-restricted",
        "owasp:api4:2023-string-limit",
        "owasp:api4:2023-rate-limit",
      ]),
    );
  });
});
