/** Reading trained weights back out of the engines' storage layout. */
import type { NetworkWeights } from '../model/network';

/** Weights in the engines' storage layout: W1 and W2 transposed, instances one after another. */
export interface StoredWeights {
  /** [K, n, m] */
  readonly W1T: ArrayLike<number>;
  /** [K, m, n] */
  readonly W2T: ArrayLike<number>;
  /** [K, n] */
  readonly b: ArrayLike<number>;
  /** [K, m], with a hidden bias only. */
  readonly b1: ArrayLike<number> | null;
}

/** Instance `k` of stored weights in the file layout (W1 neuron-major, W2 feature-major). */
export function instanceWeights(stored: StoredWeights, k: number, n: number, m: number): NetworkWeights {
  const w1 = k * n * m;
  const W1 = Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => stored.W1T[w1 + i * m + j]!));
  const W2 = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => stored.W2T[w1 + j * n + i]!));
  const b = Array.from({ length: n }, (_, i) => stored.b[k * n + i]!);
  const b1 = stored.b1;
  return { W1, W2, b, ...(b1 ? { b1: Array.from({ length: m }, (_, j) => b1[k * m + j]!) } : {}) };
}
