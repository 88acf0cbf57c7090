/**
 * Whether, and on which side, the model computes each feature's |x_i|.
 *
 * With only feature i active at value t, neuron j fires ReLU(W1[j, i]·t), so output i's
 * pre-activation is b_i + t·g⁺_i for t > 0 and b_i + |t|·g⁻_i for t < 0, with the one-sided gains
 *
 *   g⁺_i = Σ_j W2[i, j]·max(W1[j, i], 0)      (the ReLU(x_i) side)
 *   g⁻_i = Σ_j W2[i, j]·max(−W1[j, i], 0)     (the ReLU(−x_i) side).
 *
 * The target |x_i| needs g⁺_i = g⁻_i = 1. A side is represented when its gain is at least
 * `REPRESENTED_GAIN` = 0.5, the model then recovering at least half of |x_i| from the feature
 * itself; the threshold is the 0.5 the paper uses on feature norms (‖W_i‖ ≥ 0.5 in its earlier
 * plots), transferred to this untied model, where ‖W_i‖ alone is meaningless because each neuron's
 * scale can move freely between W1 and W2. The gains do not change under that rescaling. A feature
 * is represented when both sides are; with one side only it is "half represented" (a failure mode
 * of badly initialised training, SPEC §1). The output bias is left out: it is not computed from the
 * feature, and an unrepresented feature's best constant output (about E|x_i|) would otherwise pass.
 */
import type { NetworkWeights } from '../network';
import { featureNorms, superpositionMeasures } from './superposition';

/** A side of |x_i| with at least this gain counts as computed. */
export const REPRESENTED_GAIN = 0.5;

export type Representation = 'both' | 'positive' | 'negative' | 'none';

export interface FeatureAnalysis {
  readonly feature: number;
  /** ‖W_i‖ of the weights given (the analysis passes normalised ones). */
  readonly norm: number;
  /** s_i = Σ_{j≠i} (Ŵ_i·W_j)² of the weights given. */
  readonly superposition: number;
  /** g⁺_i: output i's response to x_i = 1 alone, without the bias. */
  readonly gainPositive: number;
  /** g⁻_i: output i's response to x_i = −1 alone, without the bias. */
  readonly gainNegative: number;
  /** Which sides of |x_i| reach `REPRESENTED_GAIN`. */
  readonly representation: Representation;
}

/** [g⁺_i, g⁻_i]. */
export function sideGains(weights: NetworkWeights, feature: number): [number, number] {
  let positive = 0;
  let negative = 0;
  const out = weights.W2[feature]!;
  weights.W1.forEach((row, j) => {
    const w = row[feature]!;
    if (w > 0) positive += out[j]! * w;
    else if (w < 0) negative -= out[j]! * w;
  });
  return [positive, negative];
}

export function classifyRepresentation(gainPositive: number, gainNegative: number, threshold = REPRESENTED_GAIN): Representation {
  const pos = gainPositive >= threshold;
  const neg = gainNegative >= threshold;
  return pos && neg ? 'both' : pos ? 'positive' : neg ? 'negative' : 'none';
}

/** One summary per feature, in feature order. */
export function analyseFeatures(weights: NetworkWeights): FeatureAnalysis[] {
  const norms = featureNorms(weights);
  const measures = superpositionMeasures(weights);
  return norms.map((norm, feature) => {
    const [gainPositive, gainNegative] = sideGains(weights, feature);
    return {
      feature,
      norm,
      superposition: measures[feature]!,
      gainPositive,
      gainNegative,
      representation: classifyRepresentation(gainPositive, gainNegative),
    };
  });
}
