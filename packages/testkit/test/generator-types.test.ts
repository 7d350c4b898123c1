// Generator generality, the types: the method types generated for the fixture spec (openapi-typescript
// via @repo/model/build's typesOf + the operation table + ClientMethods) type-check a consumer that uses
// every member of a discriminated oneOf body and gets a string for text answers, a Blob for binary
// ones, and uploads a Blob or File where the spec has a file. `@ts-expect-error` lines prove the types also refuse what they must: tsc fails on either.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { typesOf } from "@repo/model/build";
import { generalitySpec, generalityTable } from "./fixtures/generality.js";

const runtime = createRequire(import.meta.url).resolve("@repo/client");
const base = fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const consumer = `
import type { ClientMethods } from ${JSON.stringify(runtime)};
import type { operations } from "./schema.js";
import { api } from "./table.js";

declare const client: ClientMethods<operations, typeof api.operations>;

export async function answers() {
  const csv: string = await client.reports.csv({ id: "r_1" });
  const yaml: string = await client.reports.yaml({ id: "r_1" });
  const pdf: Blob = await client.reports.pdf({ id: "r_1" });
  const raw: Blob = await client.reports.raw({ id: "r_1" });
  const report: { id: string } = await client.reports.get({ id: "r_1" });
  // @ts-expect-error a PDF is a Blob, not a string
  const notText: string = await client.reports.pdf({ id: "r_1" });
  // @ts-expect-error CSV is a string, not a Blob
  const notBlob: Blob = await client.reports.csv({ id: "r_1" });
  return [csv, yaml, pdf, raw, report, notText, notBlob];
}

export async function uploads(file: File, blob: Blob) {
  await client.reports.attach({ id: "r_1", body: blob });
  await client.reports.addFiles({ id: "r_1", body: { title: "Q3", file, cover: blob } });
  // @ts-expect-error a file is a Blob (or File), not its bytes as text
  await client.reports.attach({ id: "r_1", body: "%PDF-1.4" });
  // @ts-expect-error a form's file field too
  await client.reports.addFiles({ id: "r_1", body: { title: "Q3", file: "bytes" } });
}

export async function oneOfBody() {
  await client.pets.create({ kind: "cat", name: "Tom", lives: 9 });
  await client.pets.create({ kind: "cat", name: "Tom" });
  await client.pets.create({ kind: "dog", name: "Rex", good: true });
  // @ts-expect-error a dog must say whether it is good
  await client.pets.create({ kind: "dog", name: "Rex" });
  // @ts-expect-error no member is a bird
  await client.pets.create({ kind: "bird", name: "Tweety" });
  // members that share no field: each is accepted alone, not an object with neither
  await client.pets.adopt({ petId: "p_1" });
  await client.pets.adopt({ shelter: "north", note: "calm" });
  // @ts-expect-error neither member's required field
  await client.pets.adopt({ note: "calm" });
}
`;

describe("the generated method types of the fixture", () => {
  it("type-check every oneOf member, the string/Blob answers and Blob/File uploads, and refuse the wrong ones", async () => {
    // inside the package, so that tsc finds @types/node; removed afterwards
    const dir = mkdtempSync(join(fileURLToPath(new URL(".", import.meta.url)), ".types-"));
    writeFileSync(join(dir, "schema.ts"), await typesOf(structuredClone(generalitySpec)));
    writeFileSync(join(dir, "table.ts"), `export const api = ${JSON.stringify(generalityTable())} as const;\n`);
    writeFileSync(join(dir, "consumer.ts"), consumer);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: base, compilerOptions: { noUnusedLocals: false }, files: ["consumer.ts"] }));
    const result = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
    rmSync(dir, { recursive: true, force: true });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);
});
