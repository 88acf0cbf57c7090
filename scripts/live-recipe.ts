/**
 * npm run live-recipe -- [--seeds 0,1,2] [--densities 1,0.3,...] [--against converged|replication]
 *                        [--steps N] [--lr LR] [--batch B] [--warmup W] [--output-bias B] ...
 *
 * Checks a live model's recipe against the sweep it stands in for, at every paper level, and
 * prints JSON.
 *
 * - `--against converged` (default): trains `liveRecipe(density)` (recipe.ts; the recipe flags of
 *   `npm run sweep` override it) for each seed, alone, as the page does, and reports its training
 *   seconds (wasm in Node), exact eval loss, monosemantic count (0.1 rule) and features computed
 *   against the range of the shipped converged sweeps (public/weights/sweep-converged-seed*.json).
 * - `--against replication`: the older check of LIVE_RECIPE (config.ts: steps and learning rate
 *   on the replication settings) against the 10,000-step sweep's monosemantic counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyseModel, analyseModels } from '../src/model/analysis';
import { DEFAULT_CONFIG, importances, LIVE_RECIPE, makeConfig, PAPER_DENSITIES, type ModelConfig } from '../src/model/config';
import { evaluateLoss } from '../src/model/evaluation';
import { liveRecipe, recipeConfig } from '../src/model/recipe';
import { parseWeightsFile, SHIPPED_CONVERGED_SEEDS, shippedWeightsPath, toWeightsFile, type WeightsFile } from '../src/model/weights-file';
import { selectBackend } from '../src/training/backend';
import { train } from '../src/training/train';
import { numberFlag, parseFlags, withRecipeFlags } from './cli';

const flags = parseFlags(process.argv.slice(2));
const seeds = (flags['seeds'] ?? '0').split(',').map(Number);
const densities = flags['densities'] ? flags['densities'].split(',').map(Number) : [...PAPER_DENSITIES];
const against = flags['against'] ?? 'converged';
const { backend } = await selectBackend({ forced: 'wasm' });
const importance = importances(DEFAULT_CONFIG);

const readFile = (path: string): WeightsFile => parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown);

interface Range {
  readonly min: number;
  readonly max: number;
}
const rangeOf = (values: readonly number[]): Range => ({ min: Math.min(...values), max: Math.max(...values) });
const inRange = (value: number, range: Range): boolean => value >= range.min && value <= range.max;

async function againstConverged(): Promise<unknown> {
  const files = SHIPPED_CONVERGED_SEEDS.map((seed) => `public/${shippedWeightsPath('converged', seed)}`)
    .filter((path) => existsSync(path))
    .map(readFile);
  if (files.length === 0)
    throw new Error('no public/weights/sweep-converged-seed*.json to compare with: run npm run sweep -- --recipe converged first');
  const reference = new Map(
    densities.map((density) => {
      const instances = files.map((f) => f.instances.find((i) => i.density === density)).filter((i) => i !== undefined);
      const counts = instances.map((i) => analyseModel(i, importance).counts);
      return [
        density,
        {
          evalLoss: rangeOf(instances.map((i) => i.evaluation?.loss ?? Number.NaN)),
          monosemantic: rangeOf(counts.map((c) => c.monosemantic)),
          featuresComputed: rangeOf(counts.map((c) => c.representedFeatures)),
        },
      ] as const;
    }),
  );
  const rows = [];
  for (const seed of seeds) {
    for (const density of densities) {
      const level = withRecipeFlags(flags, liveRecipe(density));
      const config = recipeConfig(level, { ...DEFAULT_CONFIG, seed });
      const started = performance.now();
      const outcome = await train(config);
      const seconds = (performance.now() - started) / 1000;
      if (outcome.status !== 'completed') throw new Error(`training ${outcome.status} at step ${outcome.step}`);
      const weights = outcome.weights[0]!;
      const evalLoss = evaluateLoss(weights, density, importance).loss;
      const { counts } = analyseModel(weights, importance);
      const ref = reference.get(density)!;
      const row = {
        seed,
        density,
        seconds: Number(seconds.toFixed(1)),
        evalLoss: Number(evalLoss.toPrecision(3)),
        monosemantic: counts.monosemantic,
        featuresComputed: counts.representedFeatures,
        reference: ref,
        monosemanticInRange: inRange(counts.monosemantic, ref.monosemantic),
        featuresInRange: inRange(counts.representedFeatures, ref.featuresComputed),
        evalLossOverBestReference: Number((evalLoss / ref.evalLoss.min).toFixed(2)),
      };
      process.stderr.write(`${JSON.stringify(row)}\n`);
      rows.push(row);
    }
  }
  return {
    against: `converged sweep, ${files.length} seeds`,
    backend,
    slowestSeconds: Math.max(...rows.map((r) => r.seconds)),
    monosemanticInRange: `${rows.filter((r) => r.monosemanticInRange).length}/${rows.length}`,
    featuresInRange: `${rows.filter((r) => r.featuresInRange).length}/${rows.length}`,
    levels: rows,
  };
}

async function monosemanticCounts(config: ModelConfig): Promise<number[]> {
  const outcome = await train(config);
  if (outcome.status !== 'completed') throw new Error(`training ${outcome.status} at step ${outcome.step}`);
  return analyseModels(toWeightsFile(config, outcome.weights, outcome.losses)).map((level) => level.counts.monosemantic);
}

async function againstReplication(): Promise<unknown> {
  const recipe = {
    steps: numberFlag(flags, 'steps') ?? LIVE_RECIPE.steps,
    learningRate: numberFlag(flags, 'lr') ?? LIVE_RECIPE.learningRate,
  };
  const shipped = readFile('public/weights/sweep.json');
  const rows = [];
  for (const seed of seeds) {
    const reference =
      seed === shipped.config.seed && JSON.stringify(shipped.config) === JSON.stringify(makeConfig({ seed }))
        ? analyseModels(shipped).map((level) => level.counts.monosemantic)
        : await monosemanticCounts(makeConfig({ seed }));
    const live = await monosemanticCounts(makeConfig({ seed, ...recipe }));
    rows.push(
      ...DEFAULT_CONFIG.densities.map((density, k) => ({
        seed,
        density,
        reference: reference[k]!,
        live: live[k]!,
        difference: live[k]! - reference[k]!,
      })),
    );
  }
  return {
    recipe,
    reference: { steps: DEFAULT_CONFIG.steps, learningRate: DEFAULT_CONFIG.learningRate },
    backend,
    worstDifference: Math.max(...rows.map((r) => Math.abs(r.difference))),
    levels: rows,
  };
}

if (against !== 'converged' && against !== 'replication') throw new Error('--against must be converged or replication');
console.log(JSON.stringify(against === 'converged' ? await againstConverged() : await againstReplication(), null, 1));
