/**
 * A run frame: what a run is at one step, the one shape a run's result has from the training worker
 * to every figure that follows the run. It is made once in the worker, crosses the boundary once
 * (typed arrays, structured-cloned), and is kept as is by the page: the newest frame, and the frames
 * of the run's training timeline. Each figure derives what it draws from a frame with a function
 * memoised per frame (src/article/training/frame-data.ts), never from a reshaped copy.
 */
import type { NetworkWeights } from '../model/network';

/** One instance's weights at a frame, packed: W1 neuron-major [m, n], W2 feature-major [n, m], b [n], b1 [m] if any. */
export interface FrameInstance {
  /** Feature density 1 − S of the instance. */
  readonly density: number;
  readonly n: number;
  readonly m: number;
  readonly W1: Float32Array;
  readonly W2: Float32Array;
  readonly b: Float32Array;
  readonly b1?: Float32Array;
}

/** Step, loss and weights of every instance of a run at one training step. */
export interface RunFrame {
  /** Training step (0: the initialisation). */
  readonly step: number;
  /** Per instance, the loss on the step's batch; NaN where none was measured (the initialisation). */
  readonly losses: readonly number[];
  /** One per instance, in the order of the run's `config.densities`. */
  readonly instances: readonly FrameInstance[];
}

/**
 * Packs one instance's weights (W1 [m][n], W2 [n][m], b [n]) into Float32Arrays; the engine trains
 * in float32, so nothing is lost.
 */
export function packInstance(density: number, weights: NetworkWeights): FrameInstance {
  const m = weights.W1.length;
  const n = weights.b.length;
  const W1 = new Float32Array(m * n);
  weights.W1.forEach((row, j) => {
    W1.set(row, j * n);
  });
  const W2 = new Float32Array(n * m);
  weights.W2.forEach((row, i) => {
    W2.set(row, i * m);
  });
  return { density, n, m, W1, W2, b: Float32Array.from(weights.b), ...(weights.b1 ? { b1: Float32Array.from(weights.b1) } : {}) };
}

/** The weights of a frame instance as nested arrays (W1 [m][n], W2 [n][m], b [n]), as the analysis takes them. */
export function unpackInstance(instance: FrameInstance): NetworkWeights {
  const { n, m } = instance;
  const rows = (values: Float32Array, count: number, length: number): number[][] =>
    Array.from({ length: count }, (_, r) => Array.from(values.subarray(r * length, (r + 1) * length)));
  return {
    W1: rows(instance.W1, m, n),
    W2: rows(instance.W2, n, m),
    b: Array.from(instance.b),
    ...(instance.b1 ? { b1: Array.from(instance.b1) } : {}),
  };
}

/**
 * The frame at `step` of instances with these densities and weights (one each) and losses (one
 * each; omitted: NaN, as at the initialisation). Throws when the counts differ.
 */
export function frameOf(
  step: number,
  densities: readonly number[],
  weights: readonly NetworkWeights[],
  losses: readonly number[] = densities.map(() => Number.NaN),
): RunFrame {
  if (weights.length !== densities.length || losses.length !== densities.length) {
    throw new Error(
      `a run frame needs one weights and one loss per instance (${densities.length}), got ${weights.length} and ${losses.length}`,
    );
  }
  return { step, losses, instances: weights.map((w, k) => packInstance(densities[k] ?? Number.NaN, w)) };
}
