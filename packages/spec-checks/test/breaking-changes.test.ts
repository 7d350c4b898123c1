// Gate 5: no spec breaks its clients since the last release unless the SDK's major version goes up.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { breakingChanges, bundleAt, fileAt, lastRelease, majorBumpDeclared, pendingBumps } from "../src/breaking.js";
import { formatFindings } from "../src/findings.js";
import { listApis, outputDir, packageDir } from "../src/repo.js";
import { bundleFixture, type Doc, mutate, readBundle } from "./helpers.js";

describe.each(listApis())("spec/%s", (api) => {
  it("has no breaking change since the last release, or declares a major release", () => {
    const manifest = JSON.parse(readFileSync(join(packageDir(api), "package.json"), "utf8")) as { name: string; version: string };
    const base = lastRelease(manifest.name);
    const before = bundleAt(api, base.ref, join(outputDir, "released", api));
    if (before === undefined) return; // the API did not exist at the last release: nothing to break
    const findings = breakingChanges(before, readBundle(api));
    const baseVersion = (() => {
      const text = fileAt(base.ref, `packages/${api}/package.json`);
      return text === undefined ? undefined : (JSON.parse(text) as { version: string }).version;
    })();
    if (findings.length === 0 || majorBumpDeclared(manifest.name, baseVersion, manifest.version, pendingBumps())) return;
    throw new Error(
      formatFindings(
        `breaking changes in spec/${api} since ${base.label}`,
        `Restore compatibility in spec/${api}/, or declare a major release of "${manifest.name}": \`pnpm changeset\` → ${manifest.name}: major, with a note on how users migrate.`,
        findings,
      ),
    );
  });
});

describe("the breaking-change gate", () => {
  let valid: Doc;
  beforeAll(() => {
    valid = bundleFixture("valid").doc;
  });

  const breaking: [string, (doc: Doc) => void, RegExp][] = [
    ["a removed operation", (doc) => delete doc.paths["/widgets/{widget_id}"], /Removed.*operation GET \/widgets\/\{widget_id\}/],
    ["a removed response field", (doc) => {
      const widget = doc.components.schemas.Widget;
      delete widget.properties.size;
      widget.required = widget.required.filter((name: string) => name !== "size");
    }, /Removed.*property `size`/],
    ["a new required parameter", (doc) => {
      doc.paths["/widgets"].get.parameters.push({ name: "owner", in: "query", required: true, description: "Owner.", schema: { type: "string", maxLength: 20 } });
    }, /required query parameter `owner`/],
    ["a new required parameter on an operation that had none", (doc) => {
      doc.paths["/widgets"].post.parameters = [{ name: "owner", in: "query", required: true, description: "Owner.", schema: { type: "string", maxLength: 20 } }];
    }, /parameters/],
    ["a narrowed enum", (doc) => {
      doc.components.schemas.Color.enum = ["blue"];
    }, /possible values|enum/],
    ["a changed type", (doc) => {
      doc.components.schemas.Widget.properties.size = { type: "string", maxLength: 10, description: "The size." };
    }, /type/],
  ];

  it.each(breaking)("catches %s", (_name, change, message) => {
    const findings = breakingChanges(valid, mutate(valid, change));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => `${f.where} ${f.message}`).join("\n")).toMatch(message);
  });

  const compatible: [string, (doc: Doc) => void][] = [
    ["a new operation", (doc) => {
      doc.paths["/widgets/{widget_id}"].delete = { ...doc.paths["/widgets/{widget_id}"].get, operationId: "widgets.delete", summary: "Delete a widget" };
    }],
    ["a new optional parameter", (doc) => {
      doc.paths["/widgets"].get.parameters.push({ name: "color", in: "query", description: "Filter.", schema: { $ref: "#/components/schemas/Color" } });
    }],
    ["a new enum value in a response", (doc) => {
      doc.components.schemas.Error.properties.code.enum.push("conflict");
    }],
    ["a new optional request field", (doc) => {
      doc.components.schemas.WidgetCreate.properties.size = { type: "integer", format: "int32", minimum: 1, maximum: 1000, description: "Size." };
    }],
  ];

  it.each(compatible)("accepts %s", (_name, change) => {
    expect(breakingChanges(valid, mutate(valid, change))).toEqual([]);
  });

  it("lets a breaking change through only with a major bump (package.json or a major changeset)", () => {
    const none = new Map<string, string[]>();
    expect(majorBumpDeclared("widgets", "1.4.0", "1.5.0", none)).toBe(false);
    expect(majorBumpDeclared("widgets", "1.4.0", "2.0.0", none)).toBe(true);
    expect(majorBumpDeclared("widgets", "0.1.0", "0.2.0", new Map([["widgets", ["minor"]]]))).toBe(false);
    expect(majorBumpDeclared("widgets", "0.1.0", "0.1.0", new Map([["widgets", ["patch", "major"]]]))).toBe(true);
  });
});
