// The Try-it panel's upload body (src/tryit/upload.ts) and its body check for a form with files
// (src/tryit/check.ts), in Node: what a reader's file inputs and typed fields become. The page itself,
// with an upload sent to the simulator and judged, is tryit.test.ts (an API with an upload operation).
import { describe, expect, it } from "vitest";
import type { ModelOperation } from "@repo/model";
import { checkBody } from "../src/tryit/check.js";
import { uploadBody } from "../src/tryit/upload.js";

const form = {
  operationId: "reports.attach",
  requestBody: {
    required: true,
    contentType: "multipart/form-data",
    schema: { type: "object", required: ["title", "file"], properties: { title: { type: "string" }, tags: { type: "array", items: { type: "string" } }, file: { type: "string", format: "binary" } } },
  },
} as unknown as ModelOperation;
const bytes = { requestBody: { required: true, contentType: "image/png", schema: { type: "string", format: "binary" } } } as unknown as ModelOperation;
const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "photo.png", { type: "image/png" });

describe("uploadBody", () => {
  it("a body of bytes is the chosen file itself, or nothing when none was chosen", () => {
    expect(uploadBody(bytes, [{ field: "", file: png }], {})).toBe(png);
    expect(uploadBody(bytes, [{ field: "", file: undefined }], {})).toBeUndefined();
  });

  it("a form carries the typed fields as text (a list as JSON) and each chosen file under its field, with its name", async () => {
    const body = uploadBody(form, [{ field: "file", file: png }], { title: "Q3", tags: ["a", "b"], file: "typed over" }) as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect([...body.keys()]).toEqual(["title", "tags", "file"]);
    expect(body.get("title")).toBe("Q3");
    expect(body.get("tags")).toBe('["a","b"]');
    const file = body.get("file") as File;
    expect(file.name).toBe("photo.png");
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe("checkBody of a form's typed fields", () => {
  it("does not ask for a file field a file input fills, and still checks the others", () => {
    expect(checkBody(form, '{"title": "Q3"}', ["file"])).toEqual([]);
    expect(checkBody(form, '{"title": 3}', ["file"])).toEqual(["body.title: must be string"]);
    expect(checkBody(form, '{"title": "Q3"}').join()).toMatch(/file/); // without the file input, it is missing
  });
});
