/**
 * npm run live-recipe -- [--seeds 0,1] [--steps N] [--lr LR]
 * Checks the live model's short schedule (LIVE_RECIPE) against the sweep's 10,000-step reference:
 * trains every paper level with both (seed 0's reference is the shipped file) and prints, per seed
 * and level, the monosemantic-neuron counts of each as JSON.
 */
import { readFileSync } from 'node:fs';
import { analyseModels } from '../src/model/analysis';
import { DEFAULT_CONFIG, LIVE_RECIPE, makeConfig, type ModelConfig } from '../src/model/config';
import { parseWeightsFile, toWeightsFile } from '../src/model/weights-file';
import { selectBackend } from '../src/training/backend';
import { numberFlag, parseFlags } from './cli';
import { train } from '../src/training/train';

const flags = parseFlags(process.argv.slice(2));
const seeds = (flags['seeds'] ?? '0').split(',').map(Number);
const recipe = {
  steps: numberFlag(flags, 'steps') ?? LIVE_RECIPE.steps,
  learningRate: numberFlag(flags, 'lr') ?? LIVE_RECIPE.learningRate,
};
const shipped = parseWeightsFile(JSON.parse(readFileSync('public/weights/sweep.json', 'utf8')));
const { backend } = await selectBackend({ forced: 'wasm' });

async function monosemanticCounts(config: ModelConfig): Promise<number[]> {
  const started = performance.now();
  const outcome = await train(config);
  if (outcome.status !== 'completed') throw new Error(`training ${outcome.status} at step ${outcome.step}`);
  process.stderr.write(
    `seed ${config.seed}: ${config.steps} steps at lr ${config.learningRate} in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
  const file = toWeightsFile(config, outcome.weights, outcome.losses);
  return analyseModels(file).map((level) => level.counts.monosemantic);
}

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
const worst = Math.max(...rows.map((r) => Math.abs(r.difference)));
console.log(
  JSON.stringify(
    {
      recipe,
      reference: { steps: DEFAULT_CONFIG.steps, learningRate: DEFAULT_CONFIG.learningRate },
      backend,
      worstDifference: worst,
      levels: rows,
    },
    null,
    1,
  ),
);
