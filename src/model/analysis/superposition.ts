/**
 * How much each feature is in superposition (docs/analysis.md). Feature i's embedding is its column of input
 * weights, W_i = W1[:, i] (one entry per neuron). Its superposition measure is
 *
 *   s_i = Σ_{j≠i} (Ŵ_i · W_j)²,   Ŵ_i = W_i / ‖W_i‖,
 *
 * the summed squared projection of every other feature onto i's direction: 0 when W_i is orthogonal
 * to all other features, 1 when the others together activate i's direction as strongly as a
 * unit-norm feature would. A feature with ‖W_i‖ = 0 has no direction; its s_i is defined as 0.
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

/** s_i for every feature i. */
export function superpositionMeasures(weights: Pick<NetworkWeights, 'W1'>): number[] {
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
  return gram.map((g, i) => {
    const normSq = g[i]!;
    if (normSq === 0) return 0;
    let s = 0;
    g.forEach((dot, k) => {
      if (k !== i) s += dot * dot;
    });
    return s / normSq;
  });
}
