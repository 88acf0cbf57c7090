/**
 * Whether, and on which side, the model computes each feature's |x_i|.
 *
 * With only feature i active at value t, neuron j fires ReLU(W1[j, i]·t), so output i's
 * pre-activation is b_i + t·g⁺_i for t > 0 and b_i + |t|·g⁻_i for t < 0, with the one-sided gains
 *
 *   g⁺_i = Σ_j W2[i, j]·max(W1[j, i], 0)      (the ReLU(x_i) side)
 *   g⁻_i = Σ_j W2[i, j]·max(−W1[j, i], 0)     (the ReLU(−x_i) side).
 *
 * The target |x_i| needs g⁺_i = g⁻_i = 1 and the output ReLU open. What reaches the reader is the
 * output after that ReLU, so a side is judged by its response: how far output i rises when x_i goes
 * from 0 to full strength on that side,
 *
 *   r⁺_i = ReLU(b_i + g⁺_i) − ReLU(b_i),      r⁻_i = ReLU(b_i + g⁻_i) − ReLU(b_i).
 *
 * The response equals the gain while the bias keeps the ReLU open (b_i ≥ 0), and falls to 0 when the
 * bias holds the output shut (a dead output: b_i = −2 with g = 1 never lets output i fire, however
 * well the neurons compute |x_i|). A side is represented when its response is at least
 * `REPRESENTED_GAIN` = 0.5, the model then recovering at least half of |x_i| from the feature
 * itself; the threshold is the 0.5 the paper uses on feature norms (‖W_i‖ ≥ 0.5 in its earlier
 * plots), transferred to this untied model, where ‖W_i‖ alone is meaningless because each neuron's
 * scale can move freely between W1 and W2. Gains and responses do not change under that rescaling.
 * A feature is represented when both sides are; with one side only it is "half represented" (a
 * failure mode of badly initialised training, docs/analysis.md). The bias enters only as a
 * difference: an unrepresented feature's best constant output (b_i ≈ E|x_i|, zero gain) has zero
 * response and does not pass. The opt-in hidden bias is not modelled here (its neurons can fire
 * with no feature active); docs/analysis.md says so. The one-sided gains rest on ReLU's positive
 * homogeneity (ReLU(c·z) = c·ReLU(z) for c ≥ 0), so this reading is of ReLU models (activation.ts).
 */
import { RELU } from '../activation';
import type { NetworkWeights } from '../network';
import { featureNorms, superpositionMeasures } from './superposition';

/** A side of |x_i| whose response reaches this counts as computed. */
export const REPRESENTED_GAIN = 0.5;

export type Representation = 'both' | 'positive' | 'negative' | 'none';

export interface FeatureAnalysis {
  readonly feature: number;
  /** ‖W_i‖ of the weights given (the analysis passes normalised ones). */
  readonly norm: number;
  /**
   * s_i = Σ_{j≠i} (Ŵ_i·W_j)² of the weights given; null when the feature is not embedded
   * (‖W_i‖ under EMBEDDED_NORM_FRACTION of the largest, superposition.ts): no direction, no score.
   */
  readonly superposition: number | null;
  /** g⁺_i: the rise of output i's pre-activation from x_i = 0 to x_i = 1 alone. */
  readonly gainPositive: number;
  /** g⁻_i: the rise of output i's pre-activation from x_i = 0 to x_i = −1 alone. */
  readonly gainNegative: number;
  /** r⁺_i = ReLU(b_i + g⁺_i) − ReLU(b_i): the rise of output i itself, after its ReLU. */
  readonly responsePositive: number;
  /** r⁻_i = ReLU(b_i + g⁻_i) − ReLU(b_i). */
  readonly responseNegative: number;
  /**
   * The output bias keeps output i at zero on both sides although some side has a gain of at least
   * `REPRESENTED_GAIN`: the neurons compute the feature, the output throws it away.
   */
  readonly deadOutput: boolean;
  /** Which sides of |x_i| have a response of at least `REPRESENTED_GAIN`. */
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

const relu = RELU.output;

/** [r⁺_i, r⁻_i]: how far output i rises, after its ReLU, when x_i goes from 0 to +1 or to −1 alone. */
export function sideResponses(weights: NetworkWeights, feature: number): [number, number] {
  const bias = weights.b[feature]!;
  const [positive, negative] = sideGains(weights, feature);
  return [relu(bias + positive) - relu(bias), relu(bias + negative) - relu(bias)];
}

/** Which sides reach `threshold`; pass responses (gains would ignore a shut output). */
export function classifyRepresentation(responsePositive: number, responseNegative: number, threshold = REPRESENTED_GAIN): Representation {
  const pos = responsePositive >= threshold;
  const neg = responseNegative >= threshold;
  return pos && neg ? 'both' : pos ? 'positive' : neg ? 'negative' : 'none';
}

/** The representation of feature i, from its responses. */
export function featureRepresentation(weights: NetworkWeights, feature: number): Representation {
  return classifyRepresentation(...sideResponses(weights, feature));
}

/**
 * Output i stays at zero when x_i alone goes to ±1, although the neurons deliver a gain of at least
 * `REPRESENTED_GAIN` on some side: the bias holds the output ReLU shut.
 */
export function isDeadOutput(bias: number, gainPositive: number, gainNegative: number): boolean {
  const gain = Math.max(gainPositive, gainNegative);
  return gain >= REPRESENTED_GAIN && bias + gain <= 0;
}

/** One summary per feature, in feature order. */
export function analyseFeatures(weights: NetworkWeights): FeatureAnalysis[] {
  const norms = featureNorms(weights);
  const measures = superpositionMeasures(weights);
  return norms.map((norm, feature) => {
    const [gainPositive, gainNegative] = sideGains(weights, feature);
    const [responsePositive, responseNegative] = sideResponses(weights, feature);
    const representation = classifyRepresentation(responsePositive, responseNegative);
    return {
      feature,
      norm,
      superposition: measures[feature]!,
      gainPositive,
      gainNegative,
      responsePositive,
      responseNegative,
      deadOutput: isDeadOutput(weights.b[feature]!, gainPositive, gainNegative),
      representation,
    };
  });
}
