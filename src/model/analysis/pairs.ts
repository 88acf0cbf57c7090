/**
 * The ± pairs (docs/analysis.md): |x_i| = ReLU(x_i) + ReLU(−x_i), so a model that computes feature i needs
 * neurons that fire for x_i > 0 (W1[j,i] > 0) and neurons that fire for x_i < 0 (W1[j,i] < 0), both
 * writing positively onto output i (W2[i,j] > 0). Neuron j's contribution to a side is its gain
 * W2[i,j]·|W1[j,i]| (features.ts); it carries the side when that gain is at least `CARRIER_SHARE`
 * = 10% of the side's total gain, so that neurons merely touching the feature through a small
 * secondary weight are not listed. Gains and shares do not change under the plot normalisation.
 * Which sides count as computed takes the output bias into account (features.ts): a feature whose
 * output the bias holds at zero has no pair, however strong its carriers.
 */
import type { NetworkWeights } from '../network';
import { featureRepresentation, sideGains, type Representation } from './features';

/** A neuron carries a side of |x_i| when it contributes at least this share of the side's gain. */
export const CARRIER_SHARE = 0.1;

export interface Carrier {
  readonly neuron: number;
  /** W1[j,i] and W2[i,j] of the weights given. */
  readonly inputWeight: number;
  readonly outputWeight: number;
  /** W2[i,j]·|W1[j,i]|: how much of the side this neuron computes (1 would be all of it). */
  readonly gain: number;
}

export interface FeaturePair {
  readonly feature: number;
  readonly representation: Representation;
  /** Neurons computing ReLU(x_i) onto output i, largest gain first. */
  readonly positive: readonly Carrier[];
  /** Neurons computing ReLU(−x_i) onto output i, largest gain first. */
  readonly negative: readonly Carrier[];
}

/** The carriers of feature i's two sides. */
export function featurePair(weights: NetworkWeights, feature: number): FeaturePair {
  const [gainPositive, gainNegative] = sideGains(weights, feature);
  const positive: Carrier[] = [];
  const negative: Carrier[] = [];
  const out = weights.W2[feature]!;
  weights.W1.forEach((row, j) => {
    const inputWeight = row[feature]!;
    const outputWeight = out[j]!;
    const gain = outputWeight * Math.abs(inputWeight);
    if (gain <= 0) return;
    if (inputWeight > 0 && gain >= CARRIER_SHARE * gainPositive) positive.push({ neuron: j, inputWeight, outputWeight, gain });
    if (inputWeight < 0 && gain >= CARRIER_SHARE * gainNegative) negative.push({ neuron: j, inputWeight, outputWeight, gain });
  });
  const byGain = (p: Carrier, q: Carrier): number => q.gain - p.gain || p.neuron - q.neuron;
  return {
    feature,
    representation: featureRepresentation(weights, feature),
    positive: positive.sort(byGain),
    negative: negative.sort(byGain),
  };
}

/** The pairs of every feature with at least one represented side, in feature order. */
export function featurePairs(weights: NetworkWeights): FeaturePair[] {
  return weights.W2.map((_, i) => featurePair(weights, i)).filter((p) => p.representation !== 'none');
}
