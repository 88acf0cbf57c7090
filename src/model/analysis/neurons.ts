/**
 * Per-neuron polysemanticity, on the normalised weights (normalise.ts: each neuron's largest |W1|
 * is 1, so its input weights w = W1[j, :] read directly as fractions of its largest one).
 *
 * - Primary feature: the feature with the largest |w| (the one the plot orders neurons by).
 * - Secondary features: every other feature with |w| ≥ `SECONDARY_WEIGHT` = 0.1, largest first.
 *   Such a feature, alone at full strength, drives the neuron at least a tenth as hard as the
 *   primary does.
 * - Monosemantic: no secondary feature, i.e. the second-largest |w| is below 0.1 of the largest.
 *   Why 0.1: in the paper's asymmetric neuron the second feature's weight is ¼ of the first and
 *   still carries that feature whole (a large output weight makes up for it); in 200 trained motif
 *   models such secondary weights run from 0.10 to 0.43 (docs/motif.md), so a threshold of 0.2 or
 *   0.3 would call working two-feature neurons monosemantic. Below it, in the shipped sweep, stray
 *   weights at 1 − S = 1 and 0.3 stay under 0.03, and at 1 − S = 0.1 the second-largest weights
 *   jump from 0.07 to 0.11: 0.1 sits in that gap.
 * - Polysemanticity score: p = 1 − w_max² / Σ_i w_i² = 1 − 1/Σ_i w_i², the share of the neuron's
 *   squared input weight that lies outside its primary feature: 0 for a neuron that reads one
 *   feature, 1 − 1/k for one that reads k features equally, approaching 1 for many. It shades the
 *   plot; the classification uses the threshold above, which does not depend on n.
 * - Participation ratio: (Σ_i w_i²)² / Σ_i w_i⁴, the effective number of features a neuron reads:
 *   1 for one feature, k for k equal ones. Unlike the 0.1 rule it barely notices many small stray
 *   weights, so the two rules count differently where neurons are nearly pure (1 − S = 0.01 in the
 *   converged sweep); the article shows both. A neuron below `PARTICIPATION_THRESHOLD` = 1.5 reads
 *   less than one and a half features' worth.
 * - Dead: a neuron with no input weight, or whose output weights are all below `DEAD_OUTPUT` = 0.01
 *   in size (after normalisation: its primary feature at full strength moves no output by 0.01).
 *   It is neither monosemantic nor polysemantic.
 */
import type { NetworkWeights } from '../network';
import { maxAbs, normaliseNeurons, type NormalisedWeights } from './normalise';
import { largestFeature } from './order';

/** A feature is secondary in a neuron when its normalised |W1| is at least this. */
export const SECONDARY_WEIGHT = 0.1;
/** A live neuron whose participation ratio is below this reads about one feature (the second rule). */
export const PARTICIPATION_THRESHOLD = 1.5;
/** A neuron whose normalised output weights are all smaller than this is dead. */
export const DEAD_OUTPUT = 0.01;

export type NeuronKind = 'monosemantic' | 'polysemantic' | 'dead';

export interface FeatureWeight {
  readonly feature: number;
  /** Normalised input weight W1[j, i] / max_i |W1[j, i]|, with its sign. */
  readonly weight: number;
}

export interface NeuronAnalysis {
  readonly neuron: number;
  /** c_j = max_i |W1[j, i]| of the weights given, the factor the normalisation divided by. */
  readonly scale: number;
  /** Feature with the largest |W1| and its normalised weight (±1); feature −1 for a zero neuron. */
  readonly primary: FeatureWeight;
  /** Other features with normalised |W1| ≥ SECONDARY_WEIGHT, largest first. */
  readonly secondary: readonly FeatureWeight[];
  /** Second-largest normalised |W1| (0 if there is none). */
  readonly secondRatio: number;
  /** p = 1 − w_max²/Σ w², in [0, 1). */
  readonly polysemanticity: number;
  /** (Σ w²)² / Σ w⁴, in [1, n]; 0 for an all-zero row. */
  readonly participationRatio: number;
  readonly kind: NeuronKind;
}

/** 1 − max²/Σw² of one row of input weights (0 for an all-zero row). */
export function polysemanticityScore(row: readonly number[]): number {
  const top = maxAbs(row);
  if (top === 0) return 0;
  let sum = 0;
  for (const v of row) sum += (v / top) ** 2;
  return 1 - 1 / sum;
}

/** (Σw²)²/Σw⁴ of one row of input weights: the effective number of features it reads (0 for an all-zero row). */
export function participationRatio(row: readonly number[]): number {
  const top = maxAbs(row);
  if (top === 0) return 0;
  let squares = 0;
  let fourths = 0;
  for (const v of row) {
    const w = (v / top) ** 2;
    squares += w;
    fourths += w * w;
  }
  return (squares * squares) / fourths;
}

/**
 * One summary per neuron, in neuron order (sort with order.ts for the plot). `norm` is
 * normaliseNeurons(weights), passed in where the caller has it already. Runs on every training
 * snapshot, so it sorts only the few secondary features rather than whole rows.
 */
export function analyseNeurons(weights: NetworkWeights, norm: NormalisedWeights = normaliseNeurons(weights)): NeuronAnalysis[] {
  return norm.W1.map((row, j) => {
    const top = largestFeature(row);
    const secondary: FeatureWeight[] = [];
    let secondRatio = 0;
    row.forEach((weight, feature) => {
      if (feature === top) return;
      secondRatio = Math.max(secondRatio, Math.abs(weight));
      if (Math.abs(weight) >= SECONDARY_WEIGHT) secondary.push({ feature, weight });
    });
    secondary.sort((p, q) => Math.abs(q.weight) - Math.abs(p.weight) || p.feature - q.feature);
    let outputSize = 0;
    for (const out of norm.W2) outputSize = Math.max(outputSize, Math.abs(out[j]!));
    const kind: NeuronKind = top < 0 || outputSize < DEAD_OUTPUT ? 'dead' : secondary.length === 0 ? 'monosemantic' : 'polysemantic';
    return {
      neuron: j,
      scale: maxAbs(weights.W1[j]!),
      primary: { feature: top, weight: top < 0 ? 0 : row[top]! },
      secondary,
      secondRatio,
      polysemanticity: polysemanticityScore(row),
      participationRatio: participationRatio(row),
      kind,
    };
  });
}
