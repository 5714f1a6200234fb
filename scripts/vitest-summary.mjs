// Sums vitest JSON reports (`--reporter=json`) into the one line CI reads: `N passed, N failed`.
// A test file that failed before any of its tests ran (an import error, a failing beforeAll)
// counts as one failed test, so a broken file can never read as "0 failed".
// Usage: node scripts/vitest-summary.mjs report.json…
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    failed += 1; // a report cut short: the run did not finish cleanly
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  for (const result of report.testResults ?? []) {
    const ran = (result.assertionResults ?? []).some((a) => a.status === 'passed' || a.status === 'failed');
    if (result.status === 'failed' && !ran) failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
