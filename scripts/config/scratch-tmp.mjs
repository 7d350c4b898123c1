// A vitest globalSetup for every package: the run's temporary files go into one folder of its own, removed
// when the run ends. Tests make temporary folders (CLI config homes, fixtures, working copies) and the
// programs they start make more (Prism, Chromium profiles, tsx); one by one, hundreds were left in the
// machine's temp folder per `pnpm test`. TMPDIR is read again by every os.tmpdir() call, and the test
// processes vitest starts afterwards, and theirs, inherit it. TESTS_SHARED_TMPDIR keeps the machine's own
// temp folder, where what outlives a run is kept (the unpacked Chromium of @repo/testkit/browser); a run
// started by a test (the new-api proof's copy) keeps the outermost one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup() {
  const saved = { TMPDIR: process.env.TMPDIR, TESTS_SHARED_TMPDIR: process.env.TESTS_SHARED_TMPDIR };
  process.env.TESTS_SHARED_TMPDIR ??= tmpdir();
  const dir = mkdtempSync(join(tmpdir(), "tests-"));
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
