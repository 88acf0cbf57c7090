/**
 * Neuron order of the weight stack plot (docs/analysis.md): left to right by the importance of each neuron's
 * largest feature, i.e. the feature with the largest |W1[j, i]|. Ties (several neurons sharing a
 * largest feature, typically the ReLU(x_i) and ReLU(−x_i) neurons of one feature, or equal
 * importances) are broken by feature index, then by putting the neuron with a positive weight on
 * that feature first, then by neuron index, so the order is total and deterministic.
 */
import type { NetworkWeights } from '../network';

/** Index of the largest |row[i]| (the first one on ties); −1 for an all-zero row. */
export function largestFeature(row: readonly number[]): number {
  let best = -1;
  let bestAbs = 0;
  row.forEach((v, i) => {
    if (Math.abs(v) > bestAbs) {
      bestAbs = Math.abs(v);
      best = i;
    }
  });
  return best;
}

/** Comparator for larger-first; written out because −Infinity − −Infinity is NaN. */
const descending = (a: number, b: number): number => (a > b ? -1 : a < b ? 1 : 0);

/**
 * Neuron indices in plot order. `importance[i]` is feature i's importance; an all-zero neuron has
 * no largest feature and goes last.
 */
export function neuronOrder(weights: Pick<NetworkWeights, 'W1'>, importance: ArrayLike<number>): number[] {
  const keys = weights.W1.map((row, j) => {
    const feature = largestFeature(row);
    return {
      j,
      feature,
      importance: feature < 0 ? -Infinity : importance[feature]!,
      positive: feature >= 0 && row[feature]! > 0,
    };
  });
  keys.sort(
    (p, q) => descending(p.importance, q.importance) || p.feature - q.feature || Number(q.positive) - Number(p.positive) || p.j - q.j,
  );
  return keys.map((k) => k.j);
}
