// A command line into the SDK's params (src/params.ts, parse.ts, values.ts, validate.ts): every flag type, --data,
// a body under `body`, cliArgs as the inverse, and the usage errors (exit 2) that send nothing.
import { describe, expect, it, vi } from "vitest";
import { reply } from "@repo/mock-server/fault-server";
import { cliArgs } from "../src/index.js";
import { rename, run, runAgainst, update } from "./helpers/widgetco.js";

describe("parsing into the SDK's params", () => {
  it("reads every type and spreads a flat body next to the parameters", async () => {
    const { code, calls } = await run([
      "widgets/update", "--id", "w1", "--query-include", "--x-trace-id", "t-1", "--name", "a", "--count", "3",
      "--ratio=-0.5", "--no-enabled", "--tags", "x", "--tags", "y", "--sizes", "[1,2]", "--labels", '{"k":"v"}',
    ]);
    expect(code).toBe(0);
    expect(calls).toEqual([
      {
        operationId: "widgets.update",
        token: undefined,
        params: { id: "w1", include: true, "X-Trace-Id": "t-1", name: "a", count: 3, ratio: -0.5, enabled: false, tags: ["x", "y"], sizes: [1, 2], labels: { k: "v" } },
      },
    ]);
  });

  it("--data gives the body and flags override its fields", async () => {
    const { calls } = await run(["widgets/update", "--id", "w1", "--data", '{"name":"a","count":2}', "--count", "5"]);
    expect(calls[0]?.params).toEqual({ id: "w1", name: "a", count: 5 });
  });

  it("a body whose field clashes with a parameter goes under `body`", async () => {
    const { calls } = await run(["widgets/rename", "--name", "old", "--body-name", "new"]);
    expect(calls[0]?.params).toEqual({ name: "old", body: { name: "new" } });
  });

  it("cliArgs is the inverse: its command line gives back the same params", async () => {
    const params = { id: "w1", include: false, name: "-dash", count: 2, tags: [], sizes: [3], labels: { a: "b" }, ratio: null };
    const { calls } = await run(cliArgs(update, params));
    expect(calls[0]?.params).toEqual(params);
    const renamed = { name: "old", body: { name: "new" } };
    expect((await run(cliArgs(rename, renamed))).calls[0]?.params).toEqual(renamed);
  });

  it.each([
    [["widgets/update", "--id", "w1"], /Missing required flag --name\./],
    [["widgets/update", "--id", "x1", "--name", "a"], /--id must match pattern "\^w"/],
    [["widgets/update", "--id", "w1", "--name", "a", "--size", "larg"], /--size must be one of: small, large \(got "larg"\)\. Did you mean large\?/],
    [["widgets/update", "--id", "w1", "--name", "a", "--count", "0"], /--count must be >= 1/],
    [["widgets/update", "--id", "w1", "--name", "a", "--count", "1.5"], /--count expects an integer/],
    [["widgets/update", "--id", "w1", "--name", "a", "--labels", "{"], /--labels expects JSON \(object\)/],
    [["widgets/update", "--id", "w1", "--name", "a", "--name", "b"], /--name is given 2 times/],
    [["widgets/list", "--all", "--include"], /--include shows one response; it cannot be combined with --all/],
    [["ping", "--all"], /--all follows pagination, and ping is not paginated/],
    [["widgets/list", "--page-size", "51"], /--page-size must be <= 50/],
    [["ping", "--prefer", "example=a\nX-Evil: 1"], /^Error: --prefer takes code=<status>, example=<name> or dynamic=true\|false/],
    [["widgets/tag", "--id", "w1", "--data", '{"id":"w2","tags":["a"]}'], /^Error: --data field "id" is a parameter of widgets\/tag, not a body field: give it as --id\./],
    [["widget/list"], /Did you mean widgets\/list\?/],
    [["list"], /Did you mean widgets\/list\?/],
    [["--tokn", "secret-value", "ping"], /^Error: Unknown flag --tokn before the command\. Did you mean --token\?\n/],
  ])("%j is a usage error (exit 2) and sends nothing", async (argv, message) => {
    const { code, stderr, calls } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(calls).toEqual([]);
  });
});

describe("path values that would leave their template are usage errors (exit 2) before any request", () => {
  it.each([
    ["..", /^Error: --name cannot be "\.\.": a path parameter names one resource/],
    [".", /^Error: --name cannot be "\.":/],
    ["", /^Error: --name cannot be empty:/],
  ])("widgets/rename --name %j", async (value, message) => {
    const { code, stderr, requests } = await runAgainst(["widgets/rename", "--name", value, "--body-name", "x"], reply.json(200, { ok: true }));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("Run `widgetco widgets/rename --help` for its flags.");
    expect(requests).toHaveLength(0);
  });
});

describe("a format the validator does not know (upstream specs invent them: uint64, cidr)", () => {
  it("is not checked and prints nothing: the command's output stays its own", async () => {
    const { validateInput } = await import("../src/validate.js");
    const printed: unknown[] = [];
    const spies = (["log", "warn", "error"] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args) => void printed.push(args)));
    try {
      const body = { value: { size: 12, subnet: "10.0.0.0/8" }, schema: { type: "object", properties: { size: { type: "integer", format: "uint64" }, subnet: { type: "string", format: "cidr" } } }, fromData: false };
      expect(validateInput([], {}, body)).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(printed).toEqual([]);
  });
});
