// Gate 2: Spectral (spectral:oas + OWASP API Security Top 10) finds no error in any bundled spec.
import { beforeAll, describe, expect, it } from "vitest";
import { isImported } from "@repo/model/build";
import { assertClean } from "../src/findings.js";
import { findingKey, readSecurityBaseline } from "../src/security-baseline.js";
import { bundleFile, listApis } from "../src/repo.js";
import { spectralLint } from "../src/spectral.js";
import { bundleFixture, type Doc, mutate, writeDoc } from "./helpers.js";

describe.each(listApis())("spec/%s, bundled", (api) => {
  const baseline = readSecurityBaseline(api);
  if (!isImported(api)) {
    it("has no Spectral/OWASP error, and no baseline", () => {
      expect(baseline, `spec/${api} is written here: fix its findings instead of recording them`).toBeNull();
      const { errors } = spectralLint(bundleFile(api));
      assertClean(`spectral lint ${api}`, `Fix each in spec/${api}/ (the bundle's line is shown), or turn the rule off in .spectral.yaml with a reason.`, errors);
    });
  } else {
    it("an imported spec: no Spectral/OWASP error beyond its recorded baseline, and every recorded one still there", () => {
      const { errors } = spectralLint(bundleFile(api));
      const recorded = new Set(baseline ?? []);
      assertClean(`spectral lint ${api}`, `New findings: fix them in spec/${api}/overlay.yaml, or after refreshing upstream run \`pnpm lint-baseline ${api} --accept\`.`, errors.filter((e) => !recorded.has(findingKey(e))));
      const found = new Set(errors.map(findingKey));
      expect([...recorded].filter((key) => !found.has(key)), `fixed findings still in spec/${api}/security-baseline.yaml: run \`pnpm lint-baseline ${api}\``).toEqual([]);
    });
  }
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
