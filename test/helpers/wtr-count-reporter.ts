/** A @web/test-runner reporter that writes the pass/fail totals to a file, for the `npm test` summary. */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestSuiteResult } from '@web/test-runner';

function count(suite: TestSuiteResult | undefined, totals: { passed: number; failed: number }): void {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) continue;
    if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function countReporter(file: string | undefined): Reporter {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        count(session.testResults, totals);
        // A file that failed to load, or threw outside any test, still counts as one failure.
        if (!session.passed && totals.failed === before) totals.failed++;
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}
