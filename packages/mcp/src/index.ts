// The MCP server every SDK's CLI serves (`<api> mcp`): tools from the model, calls through the SDK.
export { createMcpServer, type McpServerOptions } from "./server.js";
export { serveStdio } from "./stdio.js";
export { MAX_MESSAGE_BYTES } from "./line-transport.js";
export { InFlight } from "./in-flight.js";
export { toolsOf, type McpTool, type ToolDefinition } from "./tools.js";
export { toolName, toolNames, TOOL_NAME } from "./names.js";
export { inputSchemaOf } from "./input-schema.js";
export { annotationsOf } from "./annotations.js";
export { errorResult, successResult } from "./result.js";
