// `--file`: a file as the whole body of a command that sends bytes, or as a file field of a
// multipart/form-data body, sent by the real client to a local server; and the mistakes (exit 2, nothing sent).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reply } from "@repo/mock-server/fault-server";
import { run, runAgainst } from "./helpers/widgetco.js";

const dir = mkdtempSync(join(tmpdir(), "cli-uploads-"));
const photo = join(dir, "photo.png");
const notes = join(dir, "notes.txt");
writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
writeFileSync(notes, "line one\nline two\n");
const ok = reply.json(200, { ok: true });

describe("--file", () => {
  it("sends a file as the whole body of a command that takes bytes, with the operation's media type", async () => {
    const { code, stderr, requests } = await runAgainst(["widgets/photo", "--id", "w1", "--file", notes], ok);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(requests[0]).toMatchObject({ method: "PUT", url: "/widgets/w1/photo", body: "line one\nline two\n" });
    expect(requests[0]?.headers["content-type"]).toBe("image/png");
  });

  it("fills the only file field of a multipart body", async () => {
    const { code, stderr, requests } = await runAgainst(["widgets/icon", "--id", "w1", "--file", photo], ok);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(requests[0]?.body).toMatch(/name="icon"; filename="photo.png"\r\nContent-Type: application\/octet-stream\r\n\r\n.PNG\r\n/);
  });

  it("fills file fields by name, next to --data's fields", async () => {
    const { code, stderr, requests } = await runAgainst(
      ["widgets/attach", "--id", "w1", "--data", '{"title":"Notes"}', "--file", `file=${notes}`, "--file", `thumbnail=${photo}`],
      ok,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const body = requests[0]?.body ?? "";
    expect(requests[0]?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toMatch(/name="title"\r\n\r\nNotes\r\n/);
    expect(body).toMatch(/name="file"; filename="notes.txt"\r\nContent-Type: application\/octet-stream\r\n\r\nline one\nline two\n\r\n/);
    expect(body).toMatch(/name="thumbnail"; filename="photo.png"/);
  });

  it("puts File values in the SDK's params (flat body) and a Blob under `body` (bytes)", async () => {
    const attach = await run(["widgets/attach", "--id", "w1", "--data", '{"title":"T"}', "--file", `file=${notes}`]);
    const file = attach.calls[0]?.params?.file;
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe("notes.txt");
    expect(await (file as File).text()).toBe("line one\nline two\n");
    const put = await run(["widgets/photo", "--id", "w1", "--file", photo]);
    const body = put.calls[0]?.params?.body;
    expect(body).toBeInstanceOf(Blob);
    expect((body as Blob).type).toBe("image/png");
    expect(new Uint8Array(await (body as Blob).arrayBuffer())[1]).toBe(0x50);
  });

  it("help says how each command takes its file", async () => {
    expect((await run(["widgets/photo", "--help"])).stdout).toContain("Body: image/png (required); give the file to send with --file <path> (- reads stdin).");
    expect((await run(["widgets/attach", "--help"])).stdout).toContain("its file fields (file, thumbnail) with --file <field>=<path>.");
    expect((await run(["widgets/icon", "--help"])).stdout).toContain("its file fields (icon) with --file <path>.");
  });

  it.each([
    [["widgets/update", "--id", "w1", "--name", "a", "--file", notes], /widgets\/update takes no file \(its body is application\/json: give it with --data/],
    [["ping", "--file", notes], /ping takes no file \(it takes no request body\)/],
    [["widgets/photo", "--id", "w1", "--file", notes, "--file", photo], /sends one file as its body: give --file once/],
    [["widgets/photo", "--id", "w1", "--file", notes, "--data", '"x"'], /give --file or --data, not both/],
    [["widgets/photo", "--id", "w1", "--file", join(dir, "missing.png")], /--file .*missing\.png: cannot read the file \(ENOENT\)/],
    [["widgets/attach", "--id", "w1", "--data", '{"title":"T"}', "--file", `cover=${photo}`], /has no file field "cover"; its file fields: file, thumbnail/],
    [["widgets/attach", "--id", "w1", "--data", '{"title":"T"}', "--file", notes], /has several file fields \(file, thumbnail\): say which with --file <field>=<path>/],
    [["widgets/attach", "--id", "w1", "--data", '{"title":"T"}', "--file", `file=${notes}`, "--file", `file=${notes}`], /--file gave the field "file" twice/],
    // the other fields are still checked against the schema (the file field counts as given)
    [["widgets/attach", "--id", "w1", "--file", `file=${notes}`], /The body misses the required field "title"/],
  ])("refuses %j with one line, exit 2, sending nothing", async (argv, message) => {
    const { code, stderr, calls } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(calls).toEqual([]);
  });
});
