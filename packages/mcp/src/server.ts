// The MCP server of one API: the official SDK's low-level Server (so tools carry the model's JSON
// Schemas as they are), one tool per operation, every call through the SDK client.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, type CallToolRequest, ErrorCode, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { CliClient } from "@repo/cli";
import type { CliModel } from "@repo/model";
import type { InFlight } from "./in-flight.js";
import { toolName } from "./names.js";
import { errorResult, invalidArgumentsResult, successResult, type ToolResult } from "./result.js";
import { toolsOf } from "./tools.js";
import { decodeFiles } from "./uploads.js";
import { argumentProblems } from "./validate.js";

export interface McpServerOptions {
  model: CliModel;
  client: CliClient;
  /** The server's version (the package's). */
  version: string;
  /** Expose only the tools that read (GET). */
  readOnly?: boolean;
  /** Masks secrets (the token) in every text sent to the client. */
  redact?: (text: string) => string;
  /** The environment variable of the token, for the hint of a 401. */
  tokenEnv: string;
  /** Tracks the calls running (so stdin closing waits for their answers). */
  inFlight?: InFlight;
}

export function createMcpServer(options: McpServerOptions): Server {
  const { model, client } = options;
  const redact = options.redact ?? ((text: string) => text);
  const tools = toolsOf(model, { readOnly: options.readOnly ?? false });
  const byName = new Map(tools.map((tool) => [tool.definition.name, tool]));
  const server = new Server(
    { name: model.api, title: `${model.title} ${model.version}`, version: options.version },
    {
      capabilities: { tools: {} },
      instructions: redact(
        `Tools of the ${model.title} ${model.version}, one per operation (${tools.length}${options.readOnly ? ", read-only" : ""}). ` +
          "List tools answer one page: a `next page:` note says which page argument to pass for the next one.",
      ),
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map((tool) => tool.definition) }));
  const call = async (request: CallToolRequest, signal: AbortSignal): Promise<ToolResult> => {
    const { name } = request.params;
    const tool = byName.get(name);
    if (!tool) {
      const why = options.readOnly && model.operations.some((op) => toolName(op.operationId) === name) ? " (this server is read-only)" : "";
      throw new McpError(ErrorCode.InvalidParams, redact(`Unknown tool: ${name}${why}`));
    }
    const args = request.params.arguments ?? {};
    const problems = argumentProblems(tool.definition.inputSchema, args);
    if (problems.length) return invalidArgumentsResult(name, problems, redact);
    const decoded = decodeFiles(tool.operation, args);
    if (decoded.problems.length) return invalidArgumentsResult(name, decoded.problems, redact);
    try {
      const { data, response } = await client.request(tool.operation.operationId, decoded.args, { signal });
      return successResult(tool.operation, args, data, response, redact);
    } catch (error) {
      return errorResult(error, redact, options.tokenEnv, model.api);
    }
  };
  server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
    const work = call(request, extra.signal);
    return options.inFlight ? options.inFlight.track(work) : work;
  });
  return server;
}
