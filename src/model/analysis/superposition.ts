/**
 * How much each feature is in superposition (docs/analysis.md). Feature i's embedding is its column of input
 * weights, W_i = W1[:, i] (one entry per neuron). Its superposition measure is
 *
 *   s_i = Σ_{j≠i} (Ŵ_i · W_j)²,   Ŵ_i = W_i / ‖W_i‖,
 *
 * the summed squared projection of every other feature onto i's direction: 0 when W_i is orthogonal
 * to all other features, 1 when the others together activate i's direction as strongly as a
 * unit-norm feature would.
 *
 * Only features the model embeds get a score. A feature whose column is (near) zero has no
 * direction: Ŵ_i of a vector of rounding noise points anywhere, and s_i is noise (at 1 − S = 1 the
 * converged models leave 80 features with column norm ~0, 72 of which would score ≥ 0.5; SPEC §7).
 * A feature whose ‖W_i‖ is below `EMBEDDED_NORM_FRACTION` (3%) of the model's largest feature norm
 * gets s_i = null: no score, a neutral colour, left out of every count of features in
 * superposition. On the shipped models (normalised weights) the 3% cut drops no feature that
 * either side of |x_i| is computed for, and keeps few that are not (docs/analysis.md).
 *
 * Both quantities depend on each neuron's scale, which the function does not fix; the analysis
 * computes them on the normalised weights (normalise.ts), the ones the plot draws.
 */
import type { NetworkWeights } from '../network';

/** ‖W_i‖ for every feature i (W_i = W1[:, i]). */
export function featureNorms(weights: Pick<NetworkWeights, 'W1'>): number[] {
  const n = weights.W1[0]?.length ?? 0;
  const sq = new Array<number>(n).fill(0);
  for (const row of weights.W1)
    row.forEach((v, i) => {
      sq[i]! += v * v;
    });
  return sq.map(Math.sqrt);
}

/** A feature is embedded when ‖W_i‖ ≥ this fraction of the largest ‖W_k‖ of the model. */
export const EMBEDDED_NORM_FRACTION = 0.03;

/**
 * Whether each feature is embedded: ‖W_i‖ ≥ `fraction` × max_k ‖W_k‖ (and > 0). A model whose
 * columns are all zero embeds nothing.
 */
export function embeddedFeatures(weights: Pick<NetworkWeights, 'W1'>, fraction = EMBEDDED_NORM_FRACTION): boolean[] {
  const norms = featureNorms(weights);
  const largest = Math.max(0, ...norms);
  return norms.map((norm) => norm > 0 && norm >= fraction * largest);
}

/**
 * s_i for every feature i, W1: [m, n] neuron-major; null for a feature that is not embedded
 * (embeddedFeatures): it has no direction to be in superposition along.
 */
export function superpositionMeasures(weights: Pick<NetworkWeights, 'W1'>, fraction = EMBEDDED_NORM_FRACTION): (number | null)[] {
  const { W1 } = weights;
  const n = W1[0]?.length ?? 0;
  // Gram matrix G[i][k] = W_i · W_k, built neuron by neuron (W1 is neuron-major).
  const gram = Array.from({ length: n }, () => new Float64Array(n));
  for (const row of W1) {
    for (let i = 0; i < n; i++) {
      const wi = row[i]!;
      if (wi === 0) continue;
      const g = gram[i]!;
      for (let k = 0; k < n; k++) g[k]! += wi * row[k]!;
    }
  }
  const embedded = embeddedFeatures(weights, fraction);
  return gram.map((g, i) => {
    const normSq = g[i]!;
    if (!embedded[i] || normSq === 0) return null;
    let s = 0;
    g.forEach((dot, k) => {
      if (k !== i) s += dot * dot;
    });
    return s / normSq;
  });
}
