/**
 * The shipped weights file (public/weights/*.json): the full configuration and, per density, the
 * trained weights and final loss. Read by the page, the tests and outside tools; parsed defensively
 * because a file on the web can be anything.
 *
 * Files trained level by level (the converged recipe) also carry, per instance, the recipe that
 * trained it, its exact evaluation and its training time; their `config` then holds the shared
 * model fields, and its batch, steps and learning-rate fields are the first instance's
 * (`instanceConfig` gives the configuration that trains any one instance).
 */
import { validateConfig, type ModelConfig } from './config';
import type { NetworkWeights } from './network';
import { configRecipe, isRecipeName, levelRecipeErrors, recipeConfig, type LevelRecipe, type RecipeName } from './recipe';

/** An instance's expected loss on fresh data (evaluation.ts), as stored. */
export interface StoredEvaluation {
  /** Expected importance-weighted loss per example. */
  readonly loss: number;
  /** Its standard error. */
  readonly standardError: number;
  /** Non-empty examples drawn (the all-zero example is weighted exactly). */
  readonly examples: number;
}

export interface TrainedInstance extends NetworkWeights {
  readonly density: number;
  /** Importance-weighted loss of the final step's batch. */
  readonly loss: number;
  /** The recipe that trained this instance (absent in files from before recipes: `config` says). */
  readonly recipe?: LevelRecipe;
  /** Expected loss on fresh data, with its standard error. */
  readonly evaluation?: StoredEvaluation;
  /** Wall-clock seconds this instance's training run took (shared by instances trained side by side). */
  readonly trainingSeconds?: number;
  /**
   * Other recipes tried at this density whose models were not kept (their eval loss was higher),
   * with their evaluation: the density curve tries its neighbours' recipes at the seams (grid.ts).
   */
  readonly alternatives?: readonly AlternativeRun[];
}

/** A recipe tried at an instance's density and not kept: what it reached. */
export interface AlternativeRun {
  readonly recipe: LevelRecipe;
  readonly evaluation: StoredEvaluation;
  readonly trainingSeconds?: number;
}

/** What a training run adds to an instance beyond its weights and batch loss. */
export type InstanceExtras = Pick<TrainedInstance, 'recipe' | 'evaluation' | 'trainingSeconds' | 'alternatives'>;

export interface Provenance {
  readonly command: string;
  readonly backend: string;
  readonly wallSeconds: number;
  readonly date: string;
  /** The CPUs (or GPU) it ran on, e.g. "2 × Intel Xeon …". */
  readonly machine?: string;
}

export interface WeightsFile {
  readonly config: ModelConfig;
  /** The named recipe (recipe.ts) the file was trained with, when it was. */
  readonly recipe?: RecipeName;
  readonly instances: readonly TrainedInstance[];
  readonly provenance?: Provenance;
}

/** The seeds of the shipped converged sweep, one file each. */
export const SHIPPED_CONVERGED_SEEDS: readonly number[] = Object.freeze([0, 1, 2]);

/**
 * Where a recipe's sweep for `seed` is shipped, relative to the site root (`public/` in the
 * repository): `weights/sweep.json` for the replication sweep (seed 0 only), else
 * `weights/sweep-<recipe>-seed<seed>.json`.
 */
export function shippedWeightsPath(recipe: RecipeName, seed: number): string {
  return recipe === 'replication' ? 'weights/sweep.json' : `weights/sweep-${recipe}-seed${seed}.json`;
}

/** Rounds to `digits` significant digits, so shipped files stay small. */
export function roundSignificant(value: number, digits = 6): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digits));
}

export function toWeightsFile(
  config: ModelConfig,
  weights: readonly NetworkWeights[],
  losses: readonly number[],
  provenance?: Provenance,
  extras?: { readonly recipe?: RecipeName; readonly instances?: readonly InstanceExtras[] },
): WeightsFile {
  const round = (row: readonly number[]): number[] => row.map((v) => roundSignificant(v));
  return {
    config,
    ...(extras?.recipe ? { recipe: extras.recipe } : {}),
    instances: weights.map((w, k) => {
      const { recipe, evaluation, trainingSeconds, alternatives } = extras?.instances?.[k] ?? {};
      return {
        density: config.densities[k]!,
        W1: w.W1.map(round),
        W2: w.W2.map(round),
        b: round(w.b),
        ...(w.b1 ? { b1: round(w.b1) } : {}),
        loss: roundSignificant(losses[k] ?? NaN),
        ...(recipe ? { recipe } : {}),
        ...(evaluation ? { evaluation: storedEvaluation(evaluation) } : {}),
        ...(trainingSeconds !== undefined ? { trainingSeconds: roundSeconds(trainingSeconds) } : {}),
        ...(alternatives?.length
          ? {
              alternatives: alternatives.map((a) => ({
                recipe: a.recipe,
                evaluation: storedEvaluation(a.evaluation),
                ...(a.trainingSeconds !== undefined ? { trainingSeconds: roundSeconds(a.trainingSeconds) } : {}),
              })),
            }
          : {}),
      };
    }),
    ...(provenance ? { provenance } : {}),
  };
}

const storedEvaluation = (e: StoredEvaluation): StoredEvaluation => ({
  loss: roundSignificant(e.loss),
  standardError: roundSignificant(e.standardError, 3),
  examples: e.examples,
});
const roundSeconds = (s: number): number => Math.round(s * 10) / 10;

/** The configuration that trains instance `k` of `file` alone (its own recipe when it has one). */
export function instanceConfig(file: WeightsFile, k: number): ModelConfig {
  const instance = file.instances[k]!;
  return recipeConfig(instance.recipe ?? configRecipe(file.config, instance.density), file.config);
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function evaluationErrors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['evaluation must be an object'];
  const { loss, standardError, examples } = value as Partial<StoredEvaluation>;
  const errors: string[] = [];
  if (!isFiniteNumber(loss) || loss < 0) errors.push('evaluation loss must be a number ≥ 0');
  if (!isFiniteNumber(standardError) || standardError < 0) errors.push('evaluation standardError must be a number ≥ 0');
  if (!isFiniteNumber(examples) || !Number.isInteger(examples) || examples < 1)
    errors.push('evaluation examples must be a positive integer');
  return errors;
}

/** An optional training time: absent, or a number of seconds ≥ 0. */
const validSeconds = (value: unknown): boolean => value === undefined || (isFiniteNumber(value) && value >= 0);

function alternativesErrors(value: unknown, density: number): string[] {
  if (!Array.isArray(value)) return ['alternatives must be an array'];
  return value.flatMap((run: Partial<AlternativeRun> | null, j) => {
    if (typeof run !== 'object' || run === null) return [`alternative ${j} must be an object`];
    const problems = [...levelRecipeErrors(run.recipe), ...evaluationErrors(run.evaluation)];
    if (problems.length === 0 && run.recipe!.density !== density) problems.push('recipe is for another density');
    if (!validSeconds(run.trainingSeconds)) problems.push('trainingSeconds must be a number ≥ 0');
    return problems.map((p) => `alternative ${j}: ${p}`);
  });
}

const isMatrix = (value: unknown, rows: number, cols: number): boolean =>
  Array.isArray(value) &&
  value.length === rows &&
  value.every((row) => Array.isArray(row) && row.length === cols && row.every((v) => typeof v === 'number' && Number.isFinite(v)));

/**
 * The file's config is valid. validateConfig caps a config at 16 densities because they train side
 * by side; a file whose instances all carry their own recipe was trained level by level (the
 * density curve's 25-level grid), so there each density is checked on its own and the count is free.
 */
function configValid(config: ModelConfig, instances: unknown): boolean {
  const levelByLevel =
    Array.isArray(instances) && instances.length > 0 && instances.every((i: Partial<TrainedInstance>) => i?.recipe !== undefined);
  if (!levelByLevel || !Array.isArray(config.densities) || config.densities.length === 0) return validateConfig(config).length === 0;
  return config.densities.every((density) => validateConfig({ ...config, densities: [density] }).length === 0);
}

/** Checks the shape of a parsed JSON value; throws an Error naming the first problem. */
export function parseWeightsFile(json: unknown): WeightsFile {
  if (typeof json !== 'object' || json === null) throw new Error('weights file: not an object');
  const { config, instances, recipe } = json as { config?: ModelConfig; instances?: unknown; recipe?: unknown };
  if (!config || !configValid(config, instances)) throw new Error('weights file: missing or invalid config');
  if (recipe !== undefined && !isRecipeName(recipe)) throw new Error('weights file: unknown recipe name');
  if (!Array.isArray(instances) || instances.length !== config.densities.length) {
    throw new Error('weights file: expected one instance per density');
  }
  const { n, m } = config;
  instances.forEach((instance: Partial<TrainedInstance>, k) => {
    if (!isMatrix(instance.W1, m, n)) throw new Error(`weights file: instance ${k} W1 is not ${m}×${n}`);
    if (!isMatrix(instance.W2, n, m)) throw new Error(`weights file: instance ${k} W2 is not ${n}×${m}`);
    if (!isMatrix([instance.b], 1, n)) throw new Error(`weights file: instance ${k} b is not ${n} numbers`);
    if (typeof instance.density !== 'number') throw new Error(`weights file: instance ${k} has no density`);
    if (instance.recipe !== undefined) {
      const [problem] = levelRecipeErrors(instance.recipe);
      if (problem) throw new Error(`weights file: instance ${k} ${problem}`);
      if (instance.recipe.density !== instance.density) throw new Error(`weights file: instance ${k} recipe is for another density`);
    }
    if (instance.evaluation !== undefined) {
      const [problem] = evaluationErrors(instance.evaluation);
      if (problem) throw new Error(`weights file: instance ${k} ${problem}`);
    }
    if (!validSeconds(instance.trainingSeconds)) throw new Error(`weights file: instance ${k} trainingSeconds must be a number ≥ 0`);
    if (instance.alternatives !== undefined) {
      const [problem] = alternativesErrors(instance.alternatives, instance.density);
      if (problem) throw new Error(`weights file: instance ${k} ${problem}`);
    }
  });
  return json as WeightsFile;
}
