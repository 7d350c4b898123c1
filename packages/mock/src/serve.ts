// `pnpm mock`: serves every API's mock at a fixed port (4010, 4011, … in spec/ order) until Ctrl-C.
import { listApis, startMock, type RunningMock } from "./index.js";

const basePort = Number(process.env.MOCK_PORT ?? 4010);
const mocks: RunningMock[] = [];
try {
  for (const [index, api] of listApis().entries()) {
    const mock = await startMock(api, {
      port: basePort + index,
      onLog: (line) => process.stdout.write(`[${api}] ${line}\n`),
    });
    mocks.push(mock);
  }
  console.log("\nMocks are running (Ctrl-C stops them):");
  for (const [index, api] of listApis().entries()) console.log(`  ${api.padEnd(12)} ${mocks[index]?.url}`);
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  await Promise.all(mocks.map((mock) => mock.stop()));
  process.exit(1);
}
