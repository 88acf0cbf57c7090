/**
 * npm run curve-report -- [--curve 'public/weights/curve-converged-seed{seed}.json'] [--seeds 0,1,2]
 *
 * Reads the density curve's grid files and prints, as JSON: each paper level's eval loss per seed
 * against the converged sweep's best seed (public/weights/sweep-converged-seed*.json; over 1.25×
 * flagged), the failed runs (failed-runs.ts), the curve's bands and thresholds (curve.ts), the motif
 * catalogue's totals for the converged sweep, the replication sweep and the grid
 * (motif-catalogue.ts), and every level against the no-superposition baseline (baseline.ts). The
 * numbers docs/training.md quotes for the grid come from here.
 */
import { readFileSync } from 'node:fs';
import { analyseModel, type CatalogueModel, motifCatalogue, summariseCatalogue } from '../src/model/analysis';
import { compareWithBaseline } from '../src/model/baseline';
import { importances, PAPER_DENSITIES } from '../src/model/config';
import { curveLevels, curveSample, curveThresholds } from '../src/model/curve';
import { referenceLosses } from '../src/model/evaluation';
import { runFailure } from '../src/model/failed-runs';
import { parseWeightsFile, type WeightsFile } from '../src/model/weights-file';
import { parseFlags } from './cli';

const flags = parseFlags(process.argv.slice(2));
const template = flags['curve'] ?? 'public/weights/curve-converged-seed{seed}.json';
const seeds = (flags['seeds'] ?? '0,1,2').split(',').map(Number);
const read = (path: string): WeightsFile => parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown);
const curve = seeds.map((seed) => ({ seed, file: read(template.replaceAll('{seed}', String(seed))) }));
const converged = [0, 1, 2].map((seed) => read(`public/weights/sweep-converged-seed${seed}.json`));
const replication = read('public/weights/sweep.json');
const importance = importances(curve[0]!.file.config);
const m = curve[0]!.file.config.m;
const p3 = (x: number): number => Number(x.toPrecision(3));

const samples = curve.flatMap(({ seed, file }) =>
  file.instances.map((instance) =>
    curveSample(
      instance.density,
      seed,
      analyseModel(instance, importance).counts,
      instance.evaluation?.loss,
      referenceLosses(instance.density, importance, m),
      runFailure(instance, instance.density, importance),
    ),
  ),
);
const levels = curveLevels(samples);
const lossAt = (file: WeightsFile, d: number): number => file.instances.find((i) => i.density === d)!.evaluation!.loss;

const paperLevels = PAPER_DENSITIES.map((d) => {
  const best = Math.min(...converged.map((f) => lossAt(f, d)));
  const losses = curve.map(({ file }) => lossAt(file, d));
  const ratios = losses.map((l) => p3(l / best));
  const level = levels.find((l) => l.density === d)!;
  return {
    density: d,
    evalLoss: losses.map(p3),
    convergedBest: p3(best),
    overConvergedBest: ratios,
    beyond125: ratios.filter((r) => r > 1.25).length,
    monosemantic: level.monosemantic,
    featuresComputed: level.featuresComputed,
  };
});

const model = (source: string, seed: number, file: WeightsFile): CatalogueModel[] =>
  file.instances.map((weights) => ({ source, seed, density: weights.density, weights }));
const catalogue = motifCatalogue([
  ...converged.flatMap((f) => model('converged sweep', f.config.seed, f)),
  ...model('replication sweep', replication.config.seed, replication),
  ...curve.flatMap(({ seed, file }) => model('curve grid', seed, file)),
]);

const thresholds = curveThresholds(levels);
const at = (c: { level: { density: number } } | null) => c?.level.density ?? null;
console.log(
  JSON.stringify(
    {
      paperLevels,
      failedRuns: levels.flatMap((l) => l.outliers.map((o) => ({ density: l.density, ...o }))),
      thresholds: {
        firstPolysemantic: at(thresholds.firstPolysemantic),
        halfPolysemantic: at(thresholds.halfPolysemantic),
        morePairsThanNeurons: at(thresholds.morePairsThanNeurons),
      },
      curve: levels.map((l) => ({
        density: l.density,
        seeds: l.seeds,
        monosemantic: l.monosemantic,
        featuresComputed: l.featuresComputed,
        lossOverClean: l.lossOverClean && {
          min: p3(l.lossOverClean.min),
          median: p3(l.lossOverClean.median),
          max: p3(l.lossOverClean.max),
        },
      })),
      motifs: summariseCatalogue(catalogue),
      motifsByModel: catalogue
        .filter((e) => e.instances.length > 0)
        .map((e) => `${e.source} seed ${e.seed} @ ${e.density}: ${e.instances.length}`),
      baseline: levels.map((l) => {
        const c = compareWithBaseline(
          l.density,
          curve.map(({ file }) => lossAt(file, l.density)),
          importance,
          m,
        );
        return { density: l.density, baseline: p3(c.baseline), ratios: c.ratios.map(p3), beating: c.beating, pairs: c.pairs.map(p3) };
      }),
    },
    null,
    1,
  ),
);
