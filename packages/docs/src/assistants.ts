// The site for assistants: `llms.txt` at the root (every API and each of its operations, linked) and one
// Markdown page per API (`<api>/index.md`: each operation's parameters, body example, SDK and CLI call).
// Generated from the same model and (tested) samples as the reference pages.
import type { ModelOperation } from "@repo/model";
import { blurb, type BuiltApi } from "./landing.js";

/** The anchor of an operation's heading in its Markdown page (`instances.create` → `instancescreate`). */
export const markdownAnchor = (operationId: string): string => operationId.toLowerCase().replace(/[^a-z0-9_-]/g, "");

const cell = (text: unknown): string => String(text ?? "").replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();

const typeOf = (schema: Record<string, unknown>): string => {
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "any");
  return Array.isArray(schema.enum) ? `${type} (${schema.enum.map((v) => JSON.stringify(v)).join(", ")})` : type;
};

/** The spec's example body of an operation (the SDK params that are not parameters). */
function exampleBody(op: ModelOperation): unknown {
  const params = op.exampleParams ?? {};
  if (op.bodyMode === "body") return params.body;
  if (op.bodyMode !== "flat") return undefined;
  const names = new Set(op.parameters.map((p) => p.name));
  const body = Object.fromEntries(Object.entries(params).filter(([key]) => !names.has(key)));
  return Object.keys(body).length ? body : undefined;
}

function operationSection(built: BuiltApi, op: ModelOperation): string {
  const sample = (label: string) => built.samples[op.operationId]?.find((s) => s.label === label)?.source.trim() ?? "";
  // the explicit anchor is what llms.txt and the list of operations link to
  const lines = [`<a id="${markdownAnchor(op.operationId)}"></a>`, "", `### \`${op.operationId}\`: ${op.summary || op.operationId}`, "", `\`${op.method} ${op.path}\``, ""];
  if (op.description) lines.push(op.description.trim(), "");
  lines.push(`Authentication: ${op.security.length ? op.security.join(" or ") : "none"}.`, "");
  if (op.parameters.length) {
    lines.push("| Parameter | In | Type | Required | Description |", "|---|---|---|---|---|");
    for (const p of op.parameters) lines.push(`| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? "yes" : "no"} | ${cell(p.description)} |`);
    lines.push("");
  }
  const body = exampleBody(op);
  if (op.requestBody) {
    lines.push(`Body (\`${op.requestBody.contentType ?? "application/json"}\`${op.requestBody.required ? ", required" : ""}), example:`, "", "```json", JSON.stringify(body ?? {}, null, 2), "```", "");
  }
  lines.push(`Answer: ${op.successStatus ?? "2xx"}${op.successContentTypes.length ? ` (\`${op.successContentTypes.join("`, `")}\`)` : ""}.`, "");
  lines.push("SDK:", "", "```ts", sample("TypeScript SDK"), "```", "", "CLI:", "", "```sh", sample("CLI"), "```", "", "HTTP:", "", "```sh", sample("curl"), "```", "");
  return lines.join("\n");
}

/** `<api>/index.md`: the API and every operation of its model. */
export function renderApiMarkdown(built: BuiltApi): string {
  const { api, doc, model } = built;
  return [
    `# ${doc.info.title} (v${doc.info.version})`,
    "",
    blurb(doc.info),
    "",
    `- Base URL: \`${model.servers[0] ?? ""}\``,
    `- OpenAPI: [openapi.json](openapi.json)`,
    `- SDK: \`npm install ${api}\` (\`new ApiClient(token)\`); CLI: \`${api}\`, token in \`${model.env.token}\``,
    `- Reference: [index.html](index.html)`,
    "",
    "## Operations",
    "",
    ...model.operations.map((op) => `- [\`${op.operationId}\`](#${markdownAnchor(op.operationId)}): \`${op.method} ${op.path}\` ${cell(op.summary)}`),
    "",
    ...model.operations.map((op) => operationSection(built, op)),
  ].join("\n");
}

/** `llms.txt` (llmstxt.org): the site's APIs, each with its Markdown page and every operation linked. */
export function renderLlmsTxt(cards: BuiltApi[]): string {
  return [
    "# API reference",
    "",
    "> Every API here, its TypeScript SDK and its CLI are generated from one OpenAPI description; each API has a Markdown page for assistants and an OpenAPI file.",
    "",
    ...cards.flatMap(({ api, doc, model }) => [
      `## ${doc.info.title}`,
      "",
      `${blurb(doc.info)} Base URL: ${model.servers[0] ?? ""}`,
      "",
      `- [${doc.info.title} in Markdown](${api}/index.md): every operation, its parameters, examples, SDK and CLI call`,
      `- [OpenAPI file](${api}/openapi.json)`,
      ...model.operations.map((op) => `- [${op.operationId}](${api}/index.md#${markdownAnchor(op.operationId)}): ${op.method} ${op.path}: ${cell(op.summary)}`),
      "",
    ]),
  ].join("\n");
}
