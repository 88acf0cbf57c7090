/**
 * Training recipes as data: for each feature density, the batch, the number of steps, the
 * learning-rate schedule, Adam's epsilon and the initialisation that train it. Plain TypeScript
 * (no TF.js): the CLI trains from it, the weights files record it, the article states it.
 *
 * - `replication`: the public replications' budget (docs/weights.md, "The model"), one setting for every level. It
 *   trains bit for bit what the sweep trained before recipes existed.
 * - `converged`: a recipe per level, measured to reach the best losses found (docs/training.md):
 *   small batches, more steps and a large learning rate break the dense end's symmetry plateau;
 *   big batches (cheap, because all-zero examples are computed once) and a positive output-bias
 *   start feed the sparse end.
 * - `live`: the converged recipe's ingredients in the budget of a reader's browser (about 20 s on
 *   wasm), for the live slider; `liveRecipe` extends it to any density.
 */
import { DEFAULT_CONFIG, PAPER_DENSITIES, type ModelConfig } from './config';
import { CONSTANT_SCHEDULE, describeSchedule, scheduleErrors, type LearningRateSchedule } from './schedule';

/** How one density level trains. Adam's β1 = 0.9 and β2 = 0.999 are fixed (adam.ts). */
export interface LevelRecipe {
  /** Feature density 1 − S of the level. */
  readonly density: number;
  /** Examples per step. */
  readonly batch: number;
  /** Adam steps. */
  readonly steps: number;
  /** Peak learning rate (the schedule's maximum). */
  readonly learningRate: number;
  readonly schedule: LearningRateSchedule;
  /** Adam's ε, explicit (TF.js's WebGL default of 1e-4 is a known bug). */
  readonly adamEpsilon: number;
  /** Standard deviation of the normal initialisation of W1 and W2. */
  readonly initStd: number;
  /** Initial value of every output bias. */
  readonly outputBiasInit: number;
}

/** `curve`: the density curve's recipe family (recipe-family.ts), one rule for every density. */
export type RecipeName = 'replication' | 'converged' | 'live' | 'curve';
export const RECIPE_NAMES: readonly RecipeName[] = ['replication', 'converged', 'live', 'curve'];

export interface Recipe {
  readonly name: RecipeName;
  /** One sentence for people: what the recipe is for. */
  readonly summary: string;
  /** One entry per paper density, densest first. */
  readonly levels: readonly LevelRecipe[];
}

const REPLICATION_LEVEL = {
  batch: DEFAULT_CONFIG.batch,
  steps: DEFAULT_CONFIG.steps,
  learningRate: DEFAULT_CONFIG.learningRate,
  schedule: CONSTANT_SCHEDULE,
  adamEpsilon: DEFAULT_CONFIG.adamEpsilon,
  initStd: DEFAULT_CONFIG.initStd,
  outputBiasInit: 0,
} as const;

export const REPLICATION_RECIPE: Recipe = Object.freeze({
  name: 'replication',
  summary: 'The public replications’ budget: batch 1,024, 10,000 steps, learning rate 1e-3 constant, output bias starting at 0.',
  levels: Object.freeze(PAPER_DENSITIES.map((density) => Object.freeze({ density, ...REPLICATION_LEVEL }))),
});

/** Warmup then flat, cosine decay to 0 over the last quarter: the dense levels' schedule. */
const DENSE_SCHEDULE: LearningRateSchedule = Object.freeze({ kind: 'warmup-stable-decay', warmupSteps: 500, decayFraction: 0.25 });
/** Warmup then cosine decay to 0 over the rest: the sparse levels' schedule. */
const SPARSE_SCHEDULE: LearningRateSchedule = Object.freeze({ kind: 'cosine', warmupSteps: 500 });
const CONVERGED_COMMON = { adamEpsilon: 1e-8, initStd: 0.02, outputBiasInit: 0.02 } as const;
/** The live model's schedules: the converged ones with a shorter warmup for its shorter runs. */
const LIVE_DENSE_SCHEDULE: LearningRateSchedule = Object.freeze({ ...DENSE_SCHEDULE, warmupSteps: 300 });
const LIVE_SPARSE_SCHEDULE: LearningRateSchedule = Object.freeze({ ...SPARSE_SCHEDULE, warmupSteps: 300 });

/** Measured per level: docs/training.md has the runs behind every number. */
export const CONVERGED_RECIPE: Recipe = Object.freeze({
  name: 'converged',
  summary: 'Trained to convergence: per level, the batch, steps and schedule that reached the lowest losses found (docs/training.md).',
  levels: Object.freeze(
    [
      { density: 1, batch: 128, steps: 20_000, learningRate: 1e-2, schedule: DENSE_SCHEDULE },
      { density: 0.3, batch: 128, steps: 10_000, learningRate: 1e-2, schedule: DENSE_SCHEDULE },
      { density: 0.1, batch: 128, steps: 10_000, learningRate: 1e-2, schedule: DENSE_SCHEDULE },
      { density: 0.03, batch: 256, steps: 40_000, learningRate: 1e-2, schedule: DENSE_SCHEDULE },
      // An output-bias start of 0.02 measured worse here (1.7e-4 against 1.1e-4): enough outputs stay alive at 0.
      { density: 0.01, batch: 2048, steps: 10_000, learningRate: 3e-3, schedule: SPARSE_SCHEDULE, outputBiasInit: 0 },
      { density: 0.003, batch: 4096, steps: 5_000, learningRate: 3e-3, schedule: SPARSE_SCHEDULE },
      { density: 0.001, batch: 16_384, steps: 5_000, learningRate: 3e-3, schedule: SPARSE_SCHEDULE },
    ].map((level) => Object.freeze({ ...CONVERGED_COMMON, ...level })),
  ),
});

/** The live slider's levels, measured against the converged sweep's three seeds (docs/training.md). */
export const LIVE_RECIPE_LEVELS: Recipe = Object.freeze({
  name: 'live',
  summary: 'The live model: the converged recipe shortened so that a browser trains it in about 20 seconds (docs/training.md).',
  levels: Object.freeze(
    [
      // Density 1 escapes its symmetry plateau within 12,000 steps at every seed tried only with lr 2e-2.
      { density: 1, batch: 128, steps: 12_000, learningRate: 2e-2, schedule: LIVE_DENSE_SCHEDULE, outputBiasInit: 0.02 },
      { density: 0.3, batch: 128, steps: 8_000, learningRate: 1e-2, schedule: LIVE_DENSE_SCHEDULE, outputBiasInit: 0.02 },
      { density: 0.1, batch: 128, steps: 8_000, learningRate: 1e-2, schedule: LIVE_DENSE_SCHEDULE, outputBiasInit: 0.02 },
      { density: 0.03, batch: 512, steps: 6_000, learningRate: 1e-2, schedule: LIVE_DENSE_SCHEDULE, outputBiasInit: 0.02 },
      { density: 0.01, batch: 2048, steps: 2_000, learningRate: 3e-3, schedule: LIVE_SPARSE_SCHEDULE, outputBiasInit: 0 },
      { density: 0.003, batch: 4096, steps: 2_000, learningRate: 3e-3, schedule: LIVE_SPARSE_SCHEDULE, outputBiasInit: 0.02 },
      { density: 0.001, batch: 16_384, steps: 2_000, learningRate: 3e-3, schedule: LIVE_SPARSE_SCHEDULE, outputBiasInit: 0.02 },
    ].map((level) => Object.freeze({ adamEpsilon: 1e-8, initStd: 0.02, ...level })),
  ),
});

/** The recipes given level by level (the curve family, a rule, is in recipe-family.ts). */
export const RECIPES: Readonly<Record<Exclude<RecipeName, 'curve'>, Recipe>> = Object.freeze({
  replication: REPLICATION_RECIPE,
  converged: CONVERGED_RECIPE,
  live: LIVE_RECIPE_LEVELS,
});

/**
 * The live model's recipe at any density in (0, 1]: the live level nearest in log-density, at
 * `density`. Piecewise constant, so a permalink always trains the same schedule, and a slider
 * position between two paper levels trains like the nearer one.
 */
export function liveRecipe(density: number): LevelRecipe {
  const distance = (level: LevelRecipe): number => Math.abs(Math.log(level.density) - Math.log(density));
  const nearest = LIVE_RECIPE_LEVELS.levels.reduce((best, level) => (distance(level) < distance(best) ? level : best));
  return { ...nearest, density };
}

export function isRecipeName(value: unknown): value is RecipeName {
  return RECIPE_NAMES.includes(value as RecipeName);
}

/** The recipe's level at `density`; throws if the recipe has none. */
export function levelRecipe(recipe: Recipe, density: number): LevelRecipe {
  const level = recipe.levels.find((l) => l.density === density);
  if (!level) throw new RangeError(`recipe ${recipe.name} has no level at density ${density}`);
  return level;
}

/** The model fields a recipe does not set. */
export type ModelShape = Pick<ModelConfig, 'n' | 'm' | 'importanceDecay' | 'seed' | 'hiddenBias' | 'activation'>;

/**
 * The configuration that trains `level` (at `densities`, by default the level's own) under `shape`.
 * A constant schedule without warmup and a zero output-bias start are left out, so the replication
 * recipe's configuration is exactly the pre-recipe default one.
 */
export function recipeConfig(level: LevelRecipe, shape: ModelShape, densities: readonly number[] = [level.density]): ModelConfig {
  const constant = level.schedule.kind === 'constant' && level.schedule.warmupSteps === 0;
  return Object.freeze({
    n: shape.n,
    m: shape.m,
    importanceDecay: shape.importanceDecay,
    densities: Object.freeze([...densities]),
    batch: level.batch,
    steps: level.steps,
    learningRate: level.learningRate,
    ...(constant ? {} : { schedule: level.schedule }),
    adamEpsilon: level.adamEpsilon,
    initStd: level.initStd,
    ...(level.outputBiasInit !== 0 ? { outputBiasInit: level.outputBiasInit } : {}),
    seed: shape.seed,
    hiddenBias: shape.hiddenBias,
    ...(shape.activation !== undefined ? { activation: shape.activation } : {}),
  });
}

/** The level recipe a configuration trains density `density` with (the inverse of recipeConfig). */
export function configRecipe(config: ModelConfig, density: number): LevelRecipe {
  return {
    density,
    batch: config.batch,
    steps: config.steps,
    learningRate: config.learningRate,
    schedule: config.schedule ?? CONSTANT_SCHEDULE,
    adamEpsilon: config.adamEpsilon,
    initStd: config.initStd,
    outputBiasInit: config.outputBiasInit ?? 0,
  };
}

/** Two levels train the same way apart from their density. */
/**
 * Whether two level recipes train alike, whatever their densities (they can then share a run).
 * Field by field, so that recipes read back from a file (keys in any order) compare equal.
 */
export function sameTraining(a: LevelRecipe, b: LevelRecipe): boolean {
  return (
    a.batch === b.batch &&
    a.steps === b.steps &&
    a.learningRate === b.learningRate &&
    a.adamEpsilon === b.adamEpsilon &&
    a.initStd === b.initStd &&
    a.outputBiasInit === b.outputBiasInit &&
    a.schedule.kind === b.schedule.kind &&
    a.schedule.warmupSteps === b.schedule.warmupSteps &&
    a.schedule.decayFraction === b.schedule.decayFraction
  );
}

/** One training run: a configuration and the levels (in its density order) it trains. */
export interface RecipeRun {
  readonly config: ModelConfig;
  readonly levels: readonly LevelRecipe[];
}

/**
 * The runs that train `levels`: levels that train alike share one run (their instances side by
 * side, as the replication sweep does); the others get a run each. Every instance's random streams
 * depend only on seed and density, so grouping never changes a model.
 */
export function recipeRuns(levels: readonly LevelRecipe[], shape: ModelShape): RecipeRun[] {
  const groups: LevelRecipe[][] = [];
  for (const level of levels) {
    const group = groups.find((g) => sameTraining(g[0]!, level));
    if (group) group.push(level);
    else groups.push([level]);
  }
  return groups.map((group) => ({
    config: recipeConfig(
      group[0]!,
      shape,
      group.map((l) => l.density),
    ),
    levels: group,
  }));
}

/**
 * A step's fixed cost in rows, beside the rows it computes: the kernel dispatches and bookkeeping
 * of one instance's step, a rough figure for wasm on the 2-core machine. Only balances work (the
 * sweep CLI's ETA, the split of a run over workers); nothing depends on it being exact.
 */
export const STEP_OVERHEAD_ROWS = 300;

/**
 * The expected number of rows a step of `level` computes: the examples with an active feature,
 * plus the one row standing for all the all-zero examples. Steps cost roughly in proportion (plus
 * a fixed dispatch cost), so it sizes a run before it starts.
 */
export function expectedRows(level: Pick<LevelRecipe, 'density' | 'batch'>, n: number): number {
  const nonEmpty = 1 - (1 - level.density) ** n;
  return Math.min(level.batch, level.batch * nonEmpty + 1);
}

/** Every problem with a level recipe, as sentences; empty when it is valid. */
export function levelRecipeErrors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['recipe must be an object'];
  const level = value as Partial<LevelRecipe>;
  const errors: string[] = [];
  const positive = (name: keyof LevelRecipe, integer: boolean): void => {
    const v = level[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
      errors.push(`recipe ${name} must be a positive ${integer ? 'integer' : 'number'}`);
    }
  };
  positive('density', false);
  positive('batch', true);
  positive('steps', true);
  positive('learningRate', false);
  positive('adamEpsilon', false);
  positive('initStd', false);
  if (typeof level.outputBiasInit !== 'number' || !Number.isFinite(level.outputBiasInit)) {
    errors.push('recipe outputBiasInit must be a number');
  }
  errors.push(...scheduleErrors(level.schedule, typeof level.steps === 'number' ? level.steps : 0).map((e) => `recipe ${e}`));
  return errors;
}

/** "batch 128, 20,000 steps, lr 1e-2 (500 warmup steps, flat, cosine decay to 0 over the last 25%), output bias from 0.02". */
export function describeLevelRecipe(level: LevelRecipe): string {
  const bias = level.outputBiasInit !== 0 ? `, output bias from ${level.outputBiasInit}` : '';
  return `batch ${level.batch.toLocaleString('en')}, ${level.steps.toLocaleString('en')} steps, lr ${level.learningRate.toExponential(0)} (${describeSchedule(level.schedule)})${bias}`;
}
