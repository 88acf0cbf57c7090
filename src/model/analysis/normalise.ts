/**
 * The plot normalisation (docs/analysis.md). Neuron j's input weights W1[j, :] are divided by
 * c_j = max_i |W1[j, i]| (and so is its hidden bias, if any), so its largest |W1| weight becomes 1,
 * and its output weights W2[:, j] are multiplied by c_j. Because ReLU(c·z) = c·ReLU(z) for c > 0, the
 * network computes exactly the same function; only the arbitrary split of each neuron's scale
 * between its input and output side is fixed. A neuron whose input weights are all zero is left as
 * it is (scale 1): it never fires, and there is nothing to rescale by.
 */
import type { NetworkWeights } from '../network';

export interface NormalisedWeights extends NetworkWeights {
  /** c_j: the factor neuron j's input weights were divided by (1 for an all-zero neuron). */
  readonly scales: readonly number[];
}

/** max_i |row[i]|, 0 for an empty or all-zero row. */
export function maxAbs(row: readonly number[]): number {
  let best = 0;
  for (const v of row) best = Math.max(best, Math.abs(v));
  return best;
}

/** The same network with every neuron rescaled so that its largest |W1| weight is 1. */
export function normaliseNeurons(weights: NetworkWeights): NormalisedWeights {
  const scales = weights.W1.map((row) => {
    const c = maxAbs(row);
    return c > 0 ? c : 1;
  });
  const W1 = weights.W1.map((row, j) => row.map((v) => v / scales[j]!));
  const W2 = weights.W2.map((row) => row.map((v, j) => v * scales[j]!));
  return {
    W1,
    W2,
    b: [...weights.b],
    ...(weights.b1 ? { b1: weights.b1.map((v, j) => v / scales[j]!) } : {}),
    scales,
  };
}
