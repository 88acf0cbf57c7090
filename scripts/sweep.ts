/**
 * npm run sweep -- [--recipe replication|converged|live] [--seeds 0,1,2 | --seed S] [--densities 1,0.3,... | --grid K]
 *                  [--steps N] [--batch B] [--lr LR] [--schedule constant|cosine|warmup-stable-decay]
 *                  [--warmup W] [--decay-fraction F] [--output-bias B] [--init-std S] [--n N] [--m M]
 *                  [--eval-examples N] [--backend wasm|cpu] [--workers W] [--out path]
 *                  [--neighbour-recipes [--reuse path]]
 *
 * Trains a recipe's levels (recipe.ts) for each seed, evaluates every model on fresh data
 * (evaluation.ts) and writes one weights file per seed. Levels that train alike share a run; the
 * runs of every seed are spread over W worker threads (sweep-pool.ts; by default one per core),
 * longest first, which trains the same models as one thread. The flags after --densities override every chosen level's recipe
 * (for trying recipes). --out may contain {seed} and {recipe}; by default the replication recipe
 * writes public/weights/sweep.json (one seed) and the converged one
 * public/weights/sweep-converged-seed{seed}.json.
 *
 * --neighbour-recipes (converged recipe) also trains each level with its grid neighbours' recipes
 * where they differ from its own (grid.ts neighbourRecipes), keeps the run with the lower eval
 * loss and records the others as the instance's `alternatives`. --reuse takes, from existing files
 * (a path with {seed}), every run whose density and recipe match instead of training it again: a
 * level's random streams depend only on seed and density, so the reused model is the one a new run
 * would train, bit for bit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { analyseModel } from '../src/model/analysis';
import { DEFAULT_CONFIG, importances } from '../src/model/config';
import { CURVE_RECIPE, familyRecipe } from '../src/model/recipe-family';
import { densityGrid, nearestLevelRecipe, neighbourRecipes } from '../src/model/grid';
import { DEFAULT_EVALUATION_EXAMPLES, referenceLosses } from '../src/model/evaluation';
import type { NetworkWeights } from '../src/model/network';
import {
  describeLevelRecipe,
  expectedRows,
  isRecipeName,
  RECIPE_NAMES,
  RECIPES,
  recipeConfig,
  recipeRuns,
  sameTraining,
  STEP_OVERHEAD_ROWS,
  type LevelRecipe,
  type ModelShape,
} from '../src/model/recipe';
import { parseWeightsFile, shippedWeightsPath, toWeightsFile, type InstanceExtras, type WeightsFile } from '../src/model/weights-file';
import { selectBackend } from '../src/training/backend';
import { backendFlag, numberFlag, parseFlags, progressBar, withRecipeFlags } from './cli';
import { defaultWorkerCount, trainInWorkers } from './sweep-pool';

const flags = parseFlags(process.argv.slice(2));
const recipeName = flags['recipe'] ?? 'replication';
if (!isRecipeName(recipeName)) throw new Error(`--recipe must be one of ${RECIPE_NAMES.join(', ')}, got "${recipeName}"`);
const recipe = recipeName === 'curve' ? CURVE_RECIPE : RECIPES[recipeName];
const seeds = (flags['seeds'] ?? flags['seed'] ?? '0').split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new Error('--seeds must be non-negative integers');
if (flags['densities'] && flags['grid']) throw new Error('give --densities or --grid, not both');
const gridBetween = numberFlag(flags, 'grid');
const densities = flags['densities']
  ? flags['densities'].split(',').map(Number)
  : gridBetween !== undefined
    ? densityGrid(gridBetween)
    : recipe.levels.map((l) => l.density);
const evalExamples = numberFlag(flags, 'eval-examples') ?? 10 * DEFAULT_EVALUATION_EXAMPLES;
const shapeFields: Omit<ModelShape, 'seed'> = {
  n: numberFlag(flags, 'n') ?? DEFAULT_CONFIG.n,
  m: numberFlag(flags, 'm') ?? DEFAULT_CONFIG.m,
  importanceDecay: DEFAULT_CONFIG.importanceDecay,
  hiddenBias: false,
};

/** The recipe's level nearest in log density (any density for the uniform replication recipe); with the flags' overrides. */
function chosenLevel(density: number): LevelRecipe {
  return withRecipeFlags(flags, recipe.name === 'curve' ? familyRecipe(density) : nearestLevelRecipe(recipe, density));
}
const levels = densities.map(chosenLevel);
const tryNeighbours = flags['neighbour-recipes'] !== undefined;
if (tryNeighbours && recipe.name !== 'converged') throw new Error('--neighbour-recipes needs --recipe converged');
if (flags['reuse'] !== undefined && !tryNeighbours) throw new Error('--reuse goes with --neighbour-recipes');
/** Per level, the recipes tried there: its own first. */
const candidates: LevelRecipe[][] = tryNeighbours
  ? densities.map((_, k) => neighbourRecipes(densities, k).map((level) => withRecipeFlags(flags, level)))
  : levels.map((level) => [level]);

function outPath(seed: number): string {
  const template = flags['out'];
  if (template === undefined) {
    if (recipe.name === 'replication' && seeds.length > 1) throw new Error('the replication sweep ships one seed: give --out with {seed}');
    return `public/${shippedWeightsPath(recipe.name, seed)}`;
  }
  if (seeds.length > 1 && !template.includes('{seed}')) throw new Error('--out needs {seed} when training several seeds');
  return template.replaceAll('{seed}', String(seed)).replaceAll('{recipe}', recipe.name);
}

/** Per-step cost in "rows": the rows a step computes plus a fixed dispatch cost per level. */
const runCost = (runLevels: readonly LevelRecipe[]): number =>
  runLevels[0]!.steps * (STEP_OVERHEAD_ROWS * runLevels.length + runLevels.reduce((sum, l) => sum + expectedRows(l, shapeFields.n), 0));

type Trained = { weights: NetworkWeights; loss: number; extras: InstanceExtras };
/** Trained models by seed and candidate recipe (the LevelRecipe objects of `candidates`). */
const trained = new Map<number, Map<LevelRecipe, Trained>>(seeds.map((seed) => [seed, new Map()]));
const reusedSeconds = new Map<number, number>();

/** Runs already in the --reuse file for `seed`, moved into `trained`. */
function reuse(seed: number): void {
  const template = flags['reuse'];
  if (template === undefined) return;
  const path = template.replaceAll('{seed}', String(seed));
  const file: WeightsFile = parseWeightsFile(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (file.config.seed !== seed) throw new Error(`${path} is seed ${file.config.seed}, not ${seed}`);
  reusedSeconds.set(seed, file.provenance?.wallSeconds ?? 0);
  for (const level of candidates.flat()) {
    const instance = file.instances.find((i) => i.density === level.density && i.recipe && sameTraining(i.recipe, level));
    if (!instance?.evaluation) continue;
    const { recipe: _, evaluation, trainingSeconds } = instance;
    trained.get(seed)!.set(level, { weights: instance, loss: instance.loss, extras: { recipe: level, evaluation, trainingSeconds } });
  }
}
seeds.forEach(reuse);

const runsOf = (seed: number) =>
  recipeRuns(
    candidates.flat().filter((level) => !trained.get(seed)!.has(level)),
    { ...shapeFields, seed },
  );

const formatSeconds = (s: number): string =>
  s >= 3600
    ? `${(s / 3600).toFixed(1)} h`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.floor(s % 60)).padStart(2, '0')}s`
      : `${s.toFixed(0)} s`;

const { backend } = await selectBackend({ forced: backendFlag(flags) ?? 'wasm' });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
const importance = importances({ n: shapeFields.n, importanceDecay: shapeFields.importanceDecay });

/** Every (seed, run) pair is one job of the worker pool; the models do not depend on how they are spread. */
const jobs = seeds.flatMap((seed) => {
  const runs = runsOf(seed);
  return runs.map((run, r) => ({ seed, run, r, of: runs.length }));
});
const poolJobs = jobs.map(({ run }, id) => ({ id, config: run.config, cost: runCost(run.levels) }));
const totalCost = poolJobs.reduce((sum, job) => sum + job.cost, 0);
const workers = Math.max(1, Math.min(numberFlag(flags, 'workers') ?? defaultWorkerCount(), jobs.length));
process.stderr.write(
  `recipe ${recipe.name}, seeds ${seeds.join(',')}, ${levels.length} levels, ${jobs.length} runs to train, on ${backend}, ${workers} worker threads\n`,
);
for (const level of candidates.flat()) process.stderr.write(`  ${level.density}: ${describeLevelRecipe(level)}\n`);

const label = (id: number): string => {
  const { seed, run, r, of } = jobs[id]!;
  return `seed ${seed} run ${r + 1}/${of} (${run.config.densities.join(', ')})`;
};
const sweepStarted = performance.now();
/** Each job's fraction done, for the ETA. */
const fractionDone = new Float64Array(jobs.length);
let runsDone = 0;
const summary: Record<string, unknown>[] = [];
const seedSeconds = new Map<number, number>();

const results = await trainInWorkers(poolJobs, {
  workers,
  backend,
  importance,
  evalExamples,
  onProgress: (p) => {
    fractionDone[p.id] = p.step / p.totalSteps;
    const done = poolJobs.reduce((sum, job) => sum + job.cost * fractionDone[job.id]!, 0);
    const elapsed = (performance.now() - sweepStarted) / 1000;
    const eta = (elapsed * (totalCost - done)) / Math.max(done, 1);
    const losses = p.losses.map((l) => l.toExponential(2)).join(' ');
    process.stderr.write(
      progressBar(
        runsDone,
        jobs.length,
        `runs · ${label(p.id)} step ${p.step}/${p.totalSteps} ${p.stepsPerSecond.toFixed(0)} steps/s lr ${p.learningRate.toExponential(1)} loss ${losses} · ${Math.round((100 * done) / totalCost)}% ETA ${formatSeconds(eta)}   `,
      ),
    );
  },
  onDone: (job, result) => {
    runsDone++;
    fractionDone[job.id] = 1;
    const { seed, run } = jobs[job.id]!;
    seedSeconds.set(seed, (seedSeconds.get(seed) ?? 0) + result.seconds + result.evaluationSeconds);
    process.stderr.write(`\n${label(job.id)} trained in ${formatSeconds(result.seconds)}\n`);
    run.levels.forEach((level, k) => {
      const weights = result.weights[k]!;
      const evaluation = result.evaluations![k]!;
      trained.get(seed)!.set(level, {
        weights,
        loss: result.losses[k]!,
        extras: {
          recipe: level,
          evaluation: { loss: evaluation.loss, standardError: evaluation.standardError, examples: evaluation.examples },
          trainingSeconds: result.seconds,
        },
      });
      const { counts } = analyseModel(weights, importance);
      const { clean, zeroModel } = referenceLosses(level.density, importance, shapeFields.m);
      const row = {
        seed,
        density: level.density,
        evalLoss: Number(evaluation.loss.toPrecision(3)),
        standardError: Number(evaluation.standardError.toPrecision(2)),
        overClean: Number((evaluation.loss / clean).toFixed(3)),
        overZeroModel: Number((evaluation.loss / zeroModel).toPrecision(3)),
        batchLoss: Number(result.losses[k]!.toPrecision(3)),
        monosemantic: counts.monosemantic,
        featuresComputed: counts.representedFeatures,
        seconds: Math.round(result.seconds),
      };
      summary.push(row);
      process.stderr.write(`  ${JSON.stringify(row)}\n`);
    });
  },
}).catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/** The level's kept run (lowest eval loss over its candidates), the others as alternatives. */
function kept(seed: number, k: number): Trained {
  const runs = candidates[k]!.map((level) => trained.get(seed)!.get(level)!);
  const best = runs.reduce((a, b) => (b.extras.evaluation!.loss < a.extras.evaluation!.loss ? b : a));
  const alternatives = runs
    .filter((run) => run !== best)
    .map(({ extras }) => ({ recipe: extras.recipe!, evaluation: extras.evaluation!, trainingSeconds: extras.trainingSeconds }));
  return alternatives.length ? { ...best, extras: { ...best.extras, alternatives } } : best;
}

for (const seed of seeds) {
  const ordered = levels.map((_, k) => kept(seed, k));
  const config = recipeConfig(
    ordered[0]!.extras.recipe!,
    { ...shapeFields, seed },
    levels.map((l) => l.density),
  );
  const out = outPath(seed);
  const file = toWeightsFile(
    config,
    ordered.map((t) => t.weights),
    ordered.map((t) => t.loss),
    {
      command: `npm run sweep -- ${process.argv.slice(2).join(' ')}`.trim(),
      backend,
      // The seed's own training and evaluation time, summed over its runs (which may have run side by
      // side on several workers), plus that of the runs reused from an earlier file.
      wallSeconds: Math.round((seedSeconds.get(seed) ?? 0) + (reusedSeconds.get(seed) ?? 0)),
      date: new Date().toISOString(),
      machine,
    },
    { recipe: recipe.name, instances: ordered.map((t) => t.extras) },
  );
  writeFileSync(out, JSON.stringify(file));
  process.stderr.write(`wrote ${out} (seed ${seed})\n`);
}
process.stderr.write(`done in ${formatSeconds((performance.now() - sweepStarted) / 1000)} on ${results.length} runs\n`);
console.log(JSON.stringify({ recipe: recipe.name, backend, machine, workers, levels: summary }, null, 1));
