// Sums the suites' JSON results into the one line CI reads: "N passed, N failed".
// A suite that wrote no results (it crashed, or the type check before it failed) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const suites = ['lint', 'typecheck', 'unit', 'browser'];
let passed = 0;
let failed = 0;
for (const suite of suites) {
  const file = `artifacts/results/${suite}.json`;
  if (!existsSync(file)) {
    console.log(`${suite}: no results`);
    failed += 1;
    continue;
  }
  const result = JSON.parse(readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + (result.success === false && result.numFailedTests === 0 ? 1 : 0);
  console.log(`${suite}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
