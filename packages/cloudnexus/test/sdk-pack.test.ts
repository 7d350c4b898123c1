// The package as published (packed, installed with npm outside the workspace, imported and required)
// called against the Prism mock: the shared suite, with this API's calls.
import { sdkPackage } from "@repo/testkit/package";
import { sdkPackSuite } from "@repo/testkit/sdk-pack-suite";

const pkg = sdkPackage(new URL("..", import.meta.url).pathname);
const example = (name: string) => pkg.spec.components.examples[name].value;

sdkPackSuite(pkg, {
  imports: ["ApiClient", "AuthenticationError"],
  // a typed method, auto-pagination, a typed error, raw
  calls: `
  const client = new ApiClient("cn_test_4eC39HqLyjWDarjtT1zdp7dc", { baseUrl: process.env.MOCK_URL });
  const list = await client.instances.list({ status: "running" });
  const all = [];
  for await (const instance of client.instances.list.all()) all.push(instance.id);
  const error = await new ApiClient(undefined, { baseUrl: process.env.MOCK_URL }).me().catch((e) => e);
  const raw = await client.raw.GET("/me");
  console.log(JSON.stringify({ list, all, error: [error instanceof AuthenticationError, error.status, error.code], raw: raw.data }));
`,
  expected: () => ({
    list: example("InstanceList"),
    all: example("InstanceList").instances.map((i: { id: string }) => i.id),
    error: [true, 401, example("ErrorUnauthorized").error.code],
    raw: example("Account"),
  }),
  typedImports: ["ApiClient", "ApiError"],
  typed: `
      const client = new ApiClient("key");
      export async function main(): Promise<string> {
        const instance = await client.instances.get({ id: "inst_1" });
        // @ts-expect-error "paused" is not an instance status
        await client.instances.list({ status: "paused" });
        for await (const item of client.instances.list.all()) item.region satisfies string;
        const error: unknown = null;
        if (error instanceof ApiError) error.status satisfies number;
        return instance.id;
      }`,
});
