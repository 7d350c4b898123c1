// Gate 4: tools this project does not use itself accept every bundled spec: swagger-parser validates it,
// and @hey-api/openapi-ts generates a client from it that tsc type-checks.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { heyApiFindings, swaggerParserFindings } from "../src/portability.js";
import { assertClean } from "../src/findings.js";
import { bundleFile, fromRoot, listApis, outputDir } from "../src/repo.js";
import { bundleFixture, type Doc, mutate, readBundle, writeDoc } from "./helpers.js";

describe.each(listApis())("spec/%s, bundled", (api) => {
  it("is valid OpenAPI 3.1 for @apidevtools/swagger-parser", async () => {
    assertClean(`swagger-parser ${api}`, `Fix spec/${api}/.`, await swaggerParserFindings(readBundle(api), fromRoot(bundleFile(api))));
  });

  it("generates a @hey-api/openapi-ts client that type-checks", async () => {
    const findings = await heyApiFindings(bundleFile(api), join(outputDir, "hey-api", api), fromRoot(bundleFile(api)));
    assertClean(`@hey-api/openapi-ts ${api}`, `Change spec/${api}/ so a standard generator understands it (the generated client is in packages/spec-checks/test-output/hey-api/${api}).`, findings);
  });
});

describe("the portability gate", () => {
  let valid: Doc;
  beforeAll(() => {
    valid = bundleFixture("valid").doc;
  });

  it("passes the valid fixture through swagger-parser and hey-api + tsc", async () => {
    expect(await swaggerParserFindings(valid, "valid")).toEqual([]);
    expect(await heyApiFindings(writeDoc("portable-valid", valid), join(outputDir, "hey-api", "valid"), "valid")).toEqual([]);
  });

  it("swagger-parser rejects a $ref to a missing schema and a parameter in no valid place", async () => {
    const dangling = mutate(valid, (doc) => {
      doc.paths["/widgets"].post.requestBody.content["application/json"].schema = { $ref: "#/components/schemas/Missing" };
    });
    const badParameter = mutate(valid, (doc) => {
      doc.paths["/widgets/{widget_id}"].get.parameters[0].in = "body"; // OpenAPI 2 habit, invalid in 3.x
    });
    expect((await swaggerParserFindings(dangling, "dangling"))[0]?.message).toContain("Missing");
    expect((await swaggerParserFindings(badParameter, "bad-parameter"))[0]?.rule).toBe("swagger-parser");
  });

  it("hey-api + tsc reject a spec whose $ref points nowhere", async () => {
    const dangling = mutate(valid, (doc) => {
      doc.components.schemas.Widget.properties.color = { $ref: "#/components/schemas/Colour" };
    });
    const findings = await heyApiFindings(writeDoc("portable-dangling", dangling), join(outputDir, "hey-api", "dangling"), "dangling");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.rule).toMatch(/^hey-api/);
  });
});
