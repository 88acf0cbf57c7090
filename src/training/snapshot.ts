/**
 * A weight snapshot as it crosses the worker boundary: the step it is from and, per instance, the
 * instance's feature density, its weights and their analysis. The analysis is made in the training
 * worker: on a busy two-core machine analysing seven models takes the main thread 30–50 ms, and
 * in the worker it costs the training about a millisecond per snapshot and instance.
 */
import { analyseModel, type ModelAnalysis } from '../model/analysis';
import { importances, type ModelConfig } from '../model/config';
import type { NetworkWeights } from '../model/network';

export interface InstanceSnapshot {
  /** The instance's feature density 1 − S. */
  readonly density: number;
  /** W1: [m, n] neuron-major; W2: [n, m] feature-major; b: [n]. */
  readonly weights: NetworkWeights;
  /** analyseModel of `weights` with the run's importances. */
  readonly analysis: ModelAnalysis;
}

export interface WeightsSnapshot {
  /** The training step the weights are from (0: the initialisation). */
  readonly step: number;
  /** One per instance, in the order of `config.densities`. */
  readonly instances: readonly InstanceSnapshot[];
}

/**
 * Analyses each instance's weights. `weights` holds one entry per instance of `config`.
 * Throws when the counts differ.
 */
export function snapshotOf(config: ModelConfig, step: number, weights: readonly NetworkWeights[]): WeightsSnapshot {
  if (weights.length !== config.densities.length) {
    throw new Error(`a snapshot needs ${config.densities.length} instances' weights, got ${weights.length}`);
  }
  const importance = importances(config);
  return {
    step,
    instances: weights.map((w, k) => ({ density: config.densities[k]!, weights: w, analysis: analyseModel(w, importance) })),
  };
}
