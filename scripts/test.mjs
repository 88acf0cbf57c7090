// `npm test`: the type check, the unit tests and the browser tests, each run even if an earlier one
// failed; each writes artifacts/results/<suite>.json for scripts/summarise-tests.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('artifacts/results', { recursive: true });
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status === 0;

const typecheckOk = run(['tsc', '--noEmit', '-p', '.']);
writeFileSync(
  'artifacts/results/typecheck.json',
  JSON.stringify({ numPassedTests: typecheckOk ? 1 : 0, numFailedTests: typecheckOk ? 0 : 1, success: typecheckOk }),
);
const unitOk = run(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=artifacts/results/unit.json']);
const browserOk = run([
  'vitest', 'run', '--config', 'vitest.browser.config.ts',
  '--reporter=default', '--reporter=json', '--outputFile=artifacts/results/browser.json',
]);
process.exit(typecheckOk && unitOk && browserOk ? 0 : 1);
