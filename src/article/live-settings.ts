/**
 * The live model's settings in one place: the recipe it trains with, the limits a permalink or
 * the advanced form may set, the step from URL state to a training configuration, and the paper
 * level nearest to a density.
 */
import { DEFAULT_CONFIG, LIVE_RECIPE, makeConfig, type ModelConfig, PAPER_DENSITIES } from '../model/config';

export { LIVE_RECIPE };

/** Live retraining limits: tighter than the engine's, so no link can make the page train for hours. */
export const LIVE_LIMITS = {
  density: { min: 0.001, max: 1 },
  steps: { min: 100, max: 30_000 },
  m: { min: 1, max: 100 },
  learningRate: { min: 1e-5, max: 0.1 },
} as const;

/** What the reader chooses for the live model (the URL state holds these). */
export interface LiveSettings {
  /** Feature density 1 − S. */
  readonly density: number;
  readonly seed: number;
  readonly steps: number;
  readonly learningRate: number;
  /** Hidden neurons. */
  readonly m: number;
  readonly importanceDecay: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = Object.freeze({
  density: 0.03,
  seed: DEFAULT_CONFIG.seed,
  steps: LIVE_RECIPE.steps,
  learningRate: LIVE_RECIPE.learningRate,
  m: DEFAULT_CONFIG.m,
  importanceDecay: DEFAULT_CONFIG.importanceDecay,
});

/** The live model: one instance at the reader's settings. Throws (makeConfig) on settings outside CONFIG_LIMITS. */
export function liveConfig(settings: LiveSettings): ModelConfig {
  return makeConfig({
    densities: [settings.density],
    seed: settings.seed,
    steps: settings.steps,
    learningRate: settings.learningRate,
    m: settings.m,
    importanceDecay: settings.importanceDecay,
  });
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
