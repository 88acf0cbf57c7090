/**
 * The live model's settings in one place: the recipe families it trains with, the limits a
 * permalink or the advanced form may set, the step from URL state to a training configuration,
 * and the paper level nearest to a density.
 */
import { DEFAULT_CONFIG, LIVE_RECIPE, makeConfig, type ModelConfig, PAPER_DENSITIES } from '../../model/config';
import { type LevelRecipe, liveRecipe, recipeConfig } from '../../model/recipe';
import { CONSTANT_SCHEDULE } from '../../model/schedule';

export { LIVE_RECIPE };

/** Live retraining limits: tighter than the engine's, so no link can make the page train for hours. */
export const LIVE_LIMITS = {
  density: { min: 0.001, max: 1 },
  steps: { min: 100, max: 30_000 },
  m: { min: 1, max: 100 },
  learningRate: { min: 1e-5, max: 0.1 },
} as const;

/**
 * How the live model trains.
 * - 'live': the live recipe at the slider's density (`liveRecipe`, src/model/recipe.ts): the
 *   converged recipe's batch, schedule and output-bias start in a browser's budget. Link format 3.
 * - 'constant': batch 1,024 at a constant learning rate from a zero output bias, the live model of
 *   link formats 1 and 2.
 */
export type LiveRecipeFamily = 'live' | 'constant';
export const LIVE_RECIPE_FAMILIES: readonly LiveRecipeFamily[] = ['live', 'constant'];

/** What the reader chooses for the live model (the URL state holds these). */
export interface LiveSettings {
  /** Feature density 1 − S. */
  readonly density: number;
  readonly seed: number;
  readonly recipe: LiveRecipeFamily;
  /** Adam steps; absent: the recipe's own at this density ('constant' always sets it). */
  readonly steps?: number;
  /** Peak learning rate; absent: the recipe's own at this density ('constant' always sets it). */
  readonly learningRate?: number;
  /** Hidden neurons. */
  readonly m: number;
  readonly importanceDecay: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = Object.freeze({
  density: 0.03,
  seed: DEFAULT_CONFIG.seed,
  recipe: 'live',
  m: DEFAULT_CONFIG.m,
  importanceDecay: DEFAULT_CONFIG.importanceDecay,
});

/**
 * The level recipe the live model trains at these settings: the family's recipe at the density,
 * with the reader's steps and learning rate where they set them.
 */
export function liveLevelRecipe(settings: LiveSettings): LevelRecipe {
  const base: LevelRecipe =
    settings.recipe === 'live'
      ? liveRecipe(settings.density)
      : {
          density: settings.density,
          batch: DEFAULT_CONFIG.batch,
          steps: LIVE_RECIPE.steps,
          learningRate: LIVE_RECIPE.learningRate,
          schedule: CONSTANT_SCHEDULE,
          adamEpsilon: DEFAULT_CONFIG.adamEpsilon,
          initStd: DEFAULT_CONFIG.initStd,
          outputBiasInit: 0,
        };
  return { ...base, steps: settings.steps ?? base.steps, learningRate: settings.learningRate ?? base.learningRate };
}

/**
 * The live model: one instance at the reader's settings, trained with `liveLevelRecipe`. Throws
 * (makeConfig) on settings outside CONFIG_LIMITS.
 */
export function liveConfig(settings: LiveSettings): ModelConfig {
  const level = liveLevelRecipe(settings);
  const shape = { n: DEFAULT_CONFIG.n, m: settings.m, importanceDecay: settings.importanceDecay, seed: settings.seed, hiddenBias: false };
  return makeConfig(recipeConfig(level, shape));
}

const liveConfigs = new WeakMap<LiveSettings, ModelConfig>();

/**
 * `liveConfig(settings)`, computed once per settings object: the URL state is replaced, never
 * changed, so the live-model controller and the live figure share one configuration object per state.
 */
export function liveConfigOf(settings: LiveSettings): ModelConfig {
  let config = liveConfigs.get(settings);
  if (!config) {
    config = liveConfig(settings);
    liveConfigs.set(settings, config);
  }
  return config;
}

/** The feature density of a one-instance configuration (the live model, the motif model). */
export const densityOf = (config: ModelConfig): number => config.densities[0]!;

/** The paper level nearest to a density on a log scale. */
export function nearestPaperDensity(density: number): number {
  let best = PAPER_DENSITIES[0]!;
  for (const d of PAPER_DENSITIES) {
    if (Math.abs(Math.log(d / density)) < Math.abs(Math.log(best / density))) best = d;
  }
  return best;
}
