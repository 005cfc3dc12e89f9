import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/node';

// Ends the run with one plain line, e.g. "vitest: 12 passed, 0 failed, 1 skipped",
// so that CI can count the tests whatever the default reporter prints.
const countLine: Reporter = {
  onTestRunEnd(testModules) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else if (state === 'skipped') counts.skipped += 1;
      }
    }
    process.stdout.write(
      `\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  },
};

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // A run that finds no test fails: CI must never pass by testing nothing.
    passWithNoTests: false,
    // Whole-corpus tests parse 800 kB of text; on a loaded 2-core machine that takes seconds.
    // Speed is measured by `npm run bench`, never by a test's timeout.
    testTimeout: 60_000,
    reporters: ['default', countLine],
  },
});
