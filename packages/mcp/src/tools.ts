// The tools of an API: one per operation of the model (only the read-only ones with `readOnly`).
import type { CliModel, CliOperation } from "@repo/model";
import { annotationsOf, type ToolAnnotations } from "./annotations.js";
import { inputSchemaOf, type InputSchema } from "./input-schema.js";
import { toolNames } from "./names.js";

/** A tool as `tools/list` shows it. No outputSchema: see README ("MCP server"). */
export interface ToolDefinition {
  name: string;
  title?: string;
  description: string;
  inputSchema: InputSchema;
  annotations: ToolAnnotations;
}

export interface McpTool {
  definition: ToolDefinition;
  operation: CliOperation;
}

export function toolsOf(model: CliModel, options: { readOnly?: boolean } = {}): McpTool[] {
  const names = toolNames(model);
  return model.operations
    .map((operation): McpTool => {
      const annotations = annotationsOf(operation);
      return {
        operation,
        definition: {
          name: names.get(operation.operationId) as string,
          ...(operation.summary ? { title: operation.summary } : {}),
          description: operation.description || operation.summary || `${operation.method} ${operation.path}`,
          inputSchema: inputSchemaOf(operation),
          annotations,
        },
      };
    })
    .filter((tool) => !options.readOnly || tool.definition.annotations.readOnlyHint);
}
