// `npm test`: lint and format check, the type check, the unit tests and the browser tests, each run
// even if an earlier one failed; each writes artifacts/results/<suite>.json for
// scripts/summarise-tests.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('artifacts/results', { recursive: true });
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status === 0;

/** A check with no test count of its own (lint, types) counts as one test. */
function check(name, args) {
  const ok = run(args);
  writeFileSync(`artifacts/results/${name}.json`, JSON.stringify({ numPassedTests: ok ? 1 : 0, numFailedTests: ok ? 0 : 1, success: ok }));
  return ok;
}

const lintOk = check('lint', ['biome', 'check', '--error-on-warnings', '.']);
const typecheckOk = check('typecheck', ['tsc', '--noEmit', '-p', '.']);
const suite = (project) =>
  run(['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=artifacts/results/${project}.json`]);
const unitOk = suite('unit');
const browserOk = suite('browser');
process.exit(lintOk && typecheckOk && unitOk && browserOk ? 0 : 1);
