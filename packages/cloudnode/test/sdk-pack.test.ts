// The package as published (packed, installed with npm outside the workspace, imported and required)
// making the seed's calls against the Prism mock: the shared suite, with this API's calls.
import { sdkPackage } from "@repo/testkit/package";
import { sdkPackSuite } from "@repo/testkit/sdk-pack-suite";

const pkg = sdkPackage(new URL("..", import.meta.url).pathname);
const example = (name: string) => pkg.spec.components.examples[name].value;

sdkPackSuite(pkg, {
  imports: ["ApiClient", "AuthenticationError"],
  // the seed's call, a typed error, raw
  calls: `
  const apiClient = new ApiClient("token_8aKq2sV1xPzR", { baseUrl: process.env.MOCK_URL });
  const check = await apiClient.auth.check();
  const error = await new ApiClient(undefined, { baseUrl: process.env.MOCK_URL }).auth.check().catch((e) => e);
  const raw = await apiClient.raw.GET("/auth/check");
  console.log(JSON.stringify({ check, error: [error instanceof AuthenticationError, error.status, error.code, error.title], raw: raw.data }));
`,
  expected: () => {
    const unauthorised = example("ErrorUnauthorised");
    return {
      check: example("AuthCheckToken"),
      error: [true, 401, unauthorised.code, unauthorised.title],
      raw: example("AuthCheckToken"),
    };
  },
  typedImports: ["ApiClient", "ApiError"],
  typed: `
      const apiClient = new ApiClient("token", { session: "s" });
      export async function main(): Promise<string> {
        const check = await apiClient.auth.check();
        // @ts-expect-error "auth.chek" is not an operation
        await apiClient.auth.chek();
        const { response } = await apiClient.check().withResponse();
        response.status satisfies number;
        const error: unknown = null;
        if (error instanceof ApiError) error.title satisfies string | undefined;
        return check.via;
      }`,
});
