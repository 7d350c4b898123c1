// Gate 1, rule project/mock-extensions: the x- extensions the stateful mock reads (spec/README.md) are
// checked by the lint gate. The broken fixture makes each mistake once; each must be reported at its place
// with an actionable message, and correct uses (a mutated valid fixture, the real specs) must pass.
import { describe, expect, it } from "vitest";
import { redoclyLint } from "../src/redocly-lint.js";
import type { Finding } from "../src/findings.js";
import { fixture, listApis, specFile } from "../src/repo.js";
import { bundleFixture, mutate, writeDoc } from "./helpers.js";

const RULE = "project/mock-extensions";
const ruleFindings = (findings: Finding[]) => findings.filter((f) => f.rule === RULE);

describe("project/mock-extensions", () => {
  const broken = ruleFindings(redoclyLint(fixture("broken-mock-extensions", "openapi.yaml")));

  // [mistake, JSON pointer the finding points at, text of its message]
  const mistakes: [string, string, string][] = [
    ["misspelled x-effect key", "/patch/x-effect/sett", "Unknown `x-effect` key `sett`. Did you mean `set`?"],
    ["field not in the resource schema", "~1actions~1paint/post/x-effect/set/colour", "`colour` is not a property of the resource (the 200 answer of `GET /widgets/{widget_id}`). Did you mean `color`?"],
    ["bad runtime expression", "~1actions~1rename/post/x-effect/set/name", '`"$request.body.name"` is not an expression the mock understands'],
    ["path expression naming no path parameter", "~1actions~1rename/post/x-effect/set/id", "names no parameter of `/widgets/{widget_id}/actions/rename`"],
    ["negative duration", "~1actions~1tag/post/x-effect/duration", "must be a whole number of milliseconds ≥ 0, not `-1`"],
    ["non-integer duration", "~1widgets/post/x-effect/duration", "not `1.5`"],
    ["literal outside the field's enum", "~1widgets/post/x-effect/set/status", '`"ready"` is not a valid `status`'],
    ["add on a field that is not an array", "~1actions~1tag/post/x-effect/add/name", "is not an array: `add`/`remove` take array fields"],
    ["action on an operation that is not a create", "/delete/x-effect/action", "only a create (POST on a collection) may have it, not `DELETE /widgets/{widget_id}`"],
    ["effect without a resource", "~1reports/post/x-effect", "`x-effect` of `POST /reports` has no resource to change"],
    ["x-action-object value not in the status enum", "/Action/x-action-object/done", '`x-action-object.done` is `"finished"`, which is not a value of `status`'],
    ["misspelled x-action-object key", "/Action/x-action-object/finshedAt", "Did you mean `finishedAt`?"],
    ["unknown security scheme in x-mock-auth", "/x-mock-auth/bearerTokn", "`bearerTokn` is not a security scheme of components.securitySchemes. Did you mean `bearerToken`?"],
    ["x-mock-auth field the answer does not have", "/x-mock-auth/bearerToken/nmae", "`nmae` is not a property of the 200 answer. Did you mean `name`?"],
    ["misspelled extension name", "~1actions~1polish/post/x-efect", "Unknown extension `x-efect`: did you mean `x-effect`?"],
    ["extension in the wrong place", "/schemas/Widget/x-effect", "`x-effect` belongs on an operation, not on this schema"],
    ["x-filter that is not a field path", "/parameters/0/x-filter", 'must be a field path like `resource.id`'],
    ["x-filter on a path parameter", "/parameters/0/x-filter", "`x-filter` is read only on query parameters; `widget_id` is in path."],
    ["x-cli-login that is not true", "/get/x-cli-login", "`x-cli-login` marks the GET the CLI's `login` checks a token with: it must be `true`, on a GET."],
    ["misspelled x-error-fields key", "/schemas/Problem/x-error-fields/cod", "Unknown `x-error-fields` key `cod`. Did you mean `code`?"],
    ["x-error-fields naming a field the schema lacks", "/schemas/Problem/x-error-fields/message", "`x-error-fields.message` is `\"detial\"`, which is not a property of this schema. Did you mean `detail`?"],
    ["x-cli-columns naming a field the schema lacks", "/schemas/Widget/x-cli-columns/1", "`x-cli-columns` names `nmae`, which is not a property of this schema. Did you mean `name`?"],
  ];

  it.each(mistakes)("reports: %s", (_mistake, pointer, text) => {
    expect(broken, `no ${RULE} finding at …${pointer} saying "${text}"`).toContainEqual(
      expect.objectContaining({ where: expect.stringMatching(new RegExp(`${pointer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)), message: expect.stringContaining(text) }),
    );
  });

  it("reports nothing else in the broken fixture (one finding per mistake)", () => {
    expect(broken.map((f) => `${f.where} ${f.message}`)).toHaveLength(mistakes.length);
  });

  it("passes every extension used correctly (a mutated valid fixture)", () => {
    const doc = mutate(bundleFixture("valid").doc, (copy) => {
      const { schemas } = copy.components;
      schemas.Widget.properties.tags = { type: "array", description: "Labels.", maxItems: 10, items: { type: "string", maxLength: 20 } };
      schemas.Widget["x-cli-columns"] = Object.keys(schemas.Widget.properties).slice(0, 2);
      schemas.Widget["x-error-fields"] = { code: "id", message: "name" };
      schemas.ActionStatus = { type: "string", description: "Progress.", enum: ["in_progress", "completed", "errored"] };
      schemas.Action = {
        type: "object",
        description: "Long-running work.",
        "x-action-object": { status: "status", running: "in_progress", done: "completed", failed: "errored", finishedAt: "completed_at", error: "error" },
        properties: { status: { $ref: "#/components/schemas/ActionStatus" }, completed_at: { type: ["string", "null"] }, error: { type: ["object", "null"] } },
      };
      const widgets = copy.paths["/widgets"];
      widgets.get.parameters.push({ name: "color", in: "query", description: "Only this colour.", schema: { type: "string" }, "x-filter": "color" });
      widgets.post["x-effect"] = { action: "create", while: { color: "red" }, set: { color: "blue", size: 1 }, duration: 0 };
      const item = copy.paths["/widgets/{widget_id}"];
      item.get["x-mock-auth"] = { bearerToken: { name: "mine" } };
      item.delete = { ...structuredClone(item.get), operationId: "widgets.delete", "x-effect": { delete: true } };
      delete item.delete["x-mock-auth"];
      const paint = structuredClone(item.get);
      paint.operationId = "widgets.paint";
      paint.parameters.push({ name: "tag", in: "query", description: "A tag.", schema: { type: "string" } });
      paint.responses["200"].content["application/json"].schema = { $ref: "#/components/schemas/Action" };
      paint["x-effect"] = {
        set: { color: "$request.body#/color", name: "$request.path.widget_id", size: 7 },
        add: { tags: "$request.query.tag" },
        remove: { tags: ["old"] },
        duration: 250,
      };
      delete paint["x-mock-auth"];
      copy.paths["/widgets/{widget_id}/actions/paint"] = { post: paint };
    });
    expect(ruleFindings(redoclyLint(writeDoc("mock-extensions-valid", doc)))).toEqual([]);
  });

  it.each(listApis())("passes the extensions of spec/%s", (api) => {
    expect(ruleFindings(redoclyLint(specFile(api)))).toEqual([]);
  });
});
