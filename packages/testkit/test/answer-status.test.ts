// The suites' rule for the status a call may answer (src/answer-status.ts): a table of the shapes real
// specs give an operation's responses.
import { describe, expect, it } from "vitest";
import { isDeclaredStatus } from "../src/answer-status.js";

const op = (successStatus: string | null, ...statuses: string[]) => ({
  successStatus,
  responses: Object.fromEntries(statuses.map((status) => [status, { description: "", hasBody: false, contentTypes: [] }])),
});

describe("isDeclaredStatus", () => {
  it.each([
    ["its success status", op("201", "201", "400"), 201, true],
    ["another 2xx than its success status", op("201", "201", "200"), 200, false],
    ["an error it declares, when it has a success status", op("200", "200", "404"), 404, false],
    ["a status inside a declared 2XX range", op(null, "2XX", "default"), 204, true],
    ["a range in lower case", op(null, "2xx"), 200, true],
    ["any status through a lone default", op(null, "default"), 418, true],
    ["a redirect it declares", op(null, "302"), 302, true],
    ["a status it does not declare, without a default", op(null, "302", "4XX"), 200, false],
    ["an error inside a declared 4XX range", op(null, "302", "4XX"), 404, true],
  ])("%s", (_name, operation, status, expected) => {
    expect(isDeclaredStatus(operation, status)).toBe(expected);
  });
});
