/**
 * npx tsx scripts/motif-search-merge.ts OUT.json REPORT.json [REPORT.json …]
 *
 * Merges the reports of scripts/motif-search.ts runs over consecutive seed ranges (run in chunks,
 * `--seeds 10 --first-seed 0, 10, 20, … --no-ship --report chunkK.json`, so that a long search can
 * stop and resume) into the one file the motif section quotes (data/motif-search.json): the
 * settings, the engine backend and, per seed, its final-batch loss, its motif instances and the
 * distinct neurons they use. Refuses reports with different settings or backends, or seeds that
 * do not run consecutively from the first.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface SeedRow {
  readonly seed: number;
  readonly loss: number;
  readonly instances: number;
  readonly neurons: number;
}
interface Report {
  readonly settings: unknown;
  readonly backend: string;
  readonly perSeed: readonly SeedRow[];
}

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) throw new Error('usage: motif-search-merge.ts OUT.json REPORT.json [REPORT.json …]');
const reports = inputs.map((path) => JSON.parse(readFileSync(path, 'utf8')) as Report);
const first = reports[0]!;
for (const [k, r] of reports.entries()) {
  if (JSON.stringify(r.settings) !== JSON.stringify(first.settings)) throw new Error(`${inputs[k]}: other settings`);
  if (r.backend !== first.backend) throw new Error(`${inputs[k]}: backend ${r.backend}, not ${first.backend}`);
}
const perSeed = reports
  .flatMap((r) => r.perSeed)
  .map(({ seed, loss, instances, neurons }) => ({ seed, loss, instances, neurons }))
  .sort((a, b) => a.seed - b.seed);
perSeed.forEach((row, k) => {
  if (row.seed !== perSeed[0]!.seed + k) throw new Error(`seeds not consecutive at seed ${row.seed}`);
});
const merged = {
  command:
    'npx tsx scripts/motif-search.ts --seeds 10 --first-seed F --no-ship --report chunk.json (F = 0, 10, 20, …), merged by scripts/motif-search-merge.ts',
  settings: first.settings,
  backend: first.backend,
  perSeed,
};
writeFileSync(out, `${JSON.stringify(merged, null, 1)}\n`);
process.stdout.write(`${perSeed.length} seeds → ${out}\n`);
