/**
 * The model's weights as plain arrays, and a plain forward pass and loss in float64. The analysis
 * uses them, and the tests use them as the reference the TF.js engine must agree with.
 */
import { type Activation, RELU } from './activation';
import type { SparseBatch } from './data';

/** One trained model. The layout is the one shipped in public/weights (neuron-major W1). */
export interface NetworkWeights {
  /** m rows of n numbers: W1[j][i] is feature i's input weight into neuron j. */
  readonly W1: readonly (readonly number[])[];
  /** n rows of m numbers: W2[i][j] is neuron j's output weight onto feature i. */
  readonly W2: readonly (readonly number[])[];
  /** Output bias, n numbers. */
  readonly b: readonly number[];
  /** Hidden bias, m numbers, only when the opt-in hidden bias is on. */
  readonly b1?: readonly number[];
}

export interface ForwardPass {
  readonly hidden: Float64Array;
  readonly output: Float64Array;
}

export const featureCount = (w: NetworkWeights): number => w.W2.length;
export const neuronCount = (w: NetworkWeights): number => w.W1.length;

/**
 * h = σ(W1 x + b1) [m], y' = σ(W2 h + b) [n], with σ = `activation` (ReLU unless given); x has n
 * entries.
 */
export function forward(weights: NetworkWeights, x: ArrayLike<number>, activation: Activation = RELU): ForwardPass {
  const sigma = activation.output;
  const n = featureCount(weights);
  const m = neuronCount(weights);
  const hidden = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const row = weights.W1[j]!;
    let a = weights.b1 ? weights.b1[j]! : 0;
    for (let i = 0; i < n; i++) a += row[i]! * x[i]!;
    hidden[j] = sigma(a);
  }
  const output = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = weights.W2[i]!;
    let z = weights.b[i]!;
    for (let j = 0; j < m; j++) z += row[j]! * hidden[j]!;
    output[i] = sigma(z);
  }
  return { hidden, output };
}

/** Σ_i I_i (|x_i| − y'_i)² for one example (x and importance have n entries). */
export function exampleLoss(
  weights: NetworkWeights,
  x: ArrayLike<number>,
  importance: ArrayLike<number>,
  activation: Activation = RELU,
): number {
  const { output } = forward(weights, x, activation);
  let loss = 0;
  for (let i = 0; i < output.length; i++) {
    const d = Math.abs(x[i]!) - output[i]!;
    loss += importance[i]! * d * d;
  }
  return loss;
}

/** The importance-weighted loss (docs/weights.md, "The model") averaged over a (compacted) batch. */
export function batchLoss(
  weights: NetworkWeights,
  batch: SparseBatch,
  importance: ArrayLike<number>,
  activation: Activation = RELU,
): number {
  let total = 0;
  for (let r = 0; r < batch.rows; r++) {
    const w = batch.rowWeights[r]!;
    if (w === 0) continue;
    total += w * exampleLoss(weights, batch.x.subarray(r * batch.n, (r + 1) * batch.n), importance, activation);
  }
  return total / batch.batch;
}
