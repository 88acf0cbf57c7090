/**
 * npm run first-view-model
 *
 * Writes public/weights/computation-default.json: the computation figure's default model
 * (src/article/shipped/first-view.ts) cut from the shipped converged file of its seed, with the
 * configuration that trains that instance alone and the source file's SHA-256. Nothing is trained:
 * the weights, loss, recipe and evaluation are copied as stored. The page draws its first figure
 * from this file (about 100 KB) before fetching the converged sweep;
 * tests/unit/article/shipped/first-view.test.ts checks it still equals the source's instance.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { FIRST_VIEW_MODEL, FIRST_VIEW_PATH, FIRST_VIEW_SOURCE } from '../src/article/shipped/first-view';
import { instanceFile } from '../src/model/instance-file';
import { parseWeightsFile } from '../src/model/weights-file';

function main(): void {
  const bytes = readFileSync(`public/${FIRST_VIEW_SOURCE}`);
  const full = parseWeightsFile(JSON.parse(bytes.toString('utf8')) as unknown);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = instanceFile(full, FIRST_VIEW_MODEL.density, { file: FIRST_VIEW_SOURCE, sha256 });
  const out = `public/${FIRST_VIEW_PATH}`;
  writeFileSync(out, JSON.stringify(file));
  console.log(`${out}: 1 − S = ${FIRST_VIEW_MODEL.density}, seed ${FIRST_VIEW_MODEL.seed}, from ${FIRST_VIEW_SOURCE}`);
}

main();
