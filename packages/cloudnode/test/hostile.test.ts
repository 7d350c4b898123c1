// What a hostile server, a careless user and a huge message meet in this package as built: its bin
// (terminal escapes, --data @file, the config), its SDK (redirects, set-up mistakes, answers as sent)
// and its MCP server (an oversized message): the shared suites, with this package's values.
import { cliHostileSuite } from "@repo/testkit/cli-hostile-suite";
import { mcpHostileSuite } from "@repo/testkit/mcp-hostile-suite";
import { sdkPackage } from "@repo/testkit/package";
import { sdkHostileSuite } from "@repo/testkit/sdk-hostile-suite";

const pkg = sdkPackage(new URL("..", import.meta.url).pathname);
cliHostileSuite(pkg, { token: "cloudnode_test_hostileSecret5Hn3" });
sdkHostileSuite(pkg);
mcpHostileSuite(pkg);
