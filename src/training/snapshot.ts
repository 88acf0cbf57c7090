/**
 * A weight snapshot as it crosses the worker boundary: the run's frame at a step (run-frame.ts) and,
 * per instance, the analysis of its weights. The analysis is made in the training worker: on a busy
 * two-core machine analysing seven models takes the main thread 30–50 ms, and in the worker it costs
 * the training about a millisecond per snapshot and instance. The page keeps the frame as is and
 * hands the analyses to the frame's memo (src/article/training/frame-data.ts), so nothing is reshaped.
 */
import { analyseModel, type ModelAnalysis } from '../model/analysis';
import { importances, type ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';
import { frameOf, type RunFrame } from './run-frame';

export interface WeightsSnapshot {
  /** Step, losses and packed weights of every instance. */
  readonly frame: RunFrame;
  /** One per instance of `frame`: analyseModel of its weights with the run's importances. */
  readonly analyses: readonly ModelAnalysis[];
}

/**
 * The frame of `config`'s instances at `step` with its analyses. `weights` and `losses` hold one
 * entry per instance of `config` (losses omitted: NaN). Throws when the counts differ.
 */
export function snapshotOf(
  config: ModelConfig,
  step: number,
  weights: readonly NetworkWeights[],
  losses?: readonly number[],
): WeightsSnapshot {
  if (weights.length !== config.densities.length) {
    throw new Error(`a snapshot needs ${config.densities.length} instances' weights, got ${weights.length}`);
  }
  const importance = importances(config);
  return { frame: frameOf(step, config.densities, weights, losses), analyses: weights.map((w) => analyseModel(w, importance)) };
}
