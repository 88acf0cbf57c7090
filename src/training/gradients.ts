/**
 * The forward and backward pass of one instance, written by hand.
 *
 * Autodiff of matMul produces transposed operands, which the wasm backend runs on a slow path; here
 * every product is a plain 2-D matMul of untransposed operands (weights are stored transposed and
 * the activations are transposed explicitly), which takes XNNPACK's fast path (docs/performance.md,
 * "Why wasm trains with plain 2-D products").
 */
import * as tf from '@tensorflow/tfjs-core';
import { type ActivationOps, RELU_OPS } from './activation-ops';
import { hostStorage } from './host-memory';

/** One instance's trainable tensors, stored for the fast products: x·W1T and h·W2T. */
export interface InstanceParams<T extends tf.Tensor = tf.Tensor> {
  /** [n, m]: W1 transposed. */
  readonly W1T: T;
  /** [m, n]: W2 transposed. */
  readonly W2T: T;
  /** [n]: output bias. */
  readonly b: T;
  /** [m]: hidden bias, only when enabled. */
  readonly b1?: T;
}

export interface InstanceBatch {
  /** [rows, n] inputs. */
  readonly x: tf.Tensor2D;
  /**
   * [n, rows]: the inputs transposed, generated that way rather than transposed here (faster on
   * wasm). Unused, and may be omitted, when `sparse` is given.
   */
  readonly xT?: tf.Tensor2D;
  /** [rows, 1]: how many examples each row stands for, already divided by the batch size. */
  readonly rowScale: tf.Tensor2D;
  /**
   * The inputs as host arrays, on a backend that keeps tensors in host memory (host-memory.ts), at
   * a sparse level: the two products with x then run as loops over its non-zeros alone.
   */
  readonly sparse?: SparseInputs;
}

/**
 * A batch's inputs on the host: x row-major [rows × n] and its non-zero cells (row · n + feature),
 * ascending; with the instance's scratch arrays for the two sparse products. A tensor made from a
 * scratch array may share it (cpu does not copy), which is safe because every such tensor is
 * disposed by the step's tidy before the next step writes the array again.
 */
export interface SparseInputs {
  readonly x: Float32Array;
  readonly nonZeros: Int32Array;
  /** At least batch · m floats. */
  readonly hiddenScratch: Float32Array;
  /** n · m floats. */
  readonly gradientScratch: Float32Array;
}

const f32 = Math.fround;

/** The storage of `tensor` in host memory; throws on a backend without it (a caller's mistake). */
function hostArray(tensor: tf.Tensor): Float32Array {
  const values = hostStorage(tensor);
  if (!values) throw new Error('sparse inputs need a backend that keeps tensors in host memory');
  return values;
}

/**
 * σ(x·W1T + b1) [rows, m] from x's non-zeros alone, row by row in one pass. XNNPACK's product
 * starts each sum at the bias and adds the products k by k, each rounded to float32; the zero terms
 * it adds leave a sum unchanged, so visiting only the non-zeros in the same order gives the same
 * floats. σ is `activation.host`, the fused epilogue's arithmetic on one float.
 */
function sparseHidden(
  inputs: SparseInputs,
  rows: number,
  n: number,
  W1T: tf.Tensor,
  b1: tf.Tensor | undefined,
  activation: ActivationOps,
): tf.Tensor2D {
  const sigma = activation.host;
  const w = hostArray(W1T);
  const m = w.length / n;
  const bias = b1 ? hostArray(b1) : new Float32Array(m);
  const { x, nonZeros, hiddenScratch: hidden } = inputs;
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const to = r * m;
    for (let j = 0; j < m; j++) hidden[to + j] = bias[j]!;
    const rowEnd = (r + 1) * n;
    for (; k < nonZeros.length && nonZeros[k]! < rowEnd; k++) {
      const cell = nonZeros[k]!;
      const value = x[cell]!;
      const from = (cell - r * n) * m;
      for (let j = 0; j < m; j++) hidden[to + j] = hidden[to + j]! + f32(value * w[from + j]!);
    }
    for (let j = 0; j < m; j++) hidden[to + j] = sigma(hidden[to + j]!);
  }
  return tf.tensor2d(hidden.subarray(0, rows * m), [rows, m]);
}

/** xᵀ·dHidden [n, m] from x's non-zeros alone, each sum over rows in ascending order as the product takes it. */
function sparseInputGradient(inputs: SparseInputs, n: number, dHidden: tf.Tensor2D): tf.Tensor2D {
  const d = hostArray(dHidden);
  const m = dHidden.shape[1];
  const { x, nonZeros, gradientScratch: gradient } = inputs;
  gradient.fill(0);
  for (let k = 0; k < nonZeros.length; k++) {
    const cell = nonZeros[k]!;
    const r = (cell / n) | 0;
    const value = x[cell]!;
    const from = r * m;
    const to = (cell - r * n) * m;
    for (let j = 0; j < m; j++) gradient[to + j] = gradient[to + j]! + f32(value * d[from + j]!);
  }
  return tf.tensor2d(gradient, [n, m]);
}

export interface InstanceGradients {
  readonly W1T: tf.Tensor2D;
  readonly W2T: tf.Tensor2D;
  readonly b: tf.Tensor1D;
  readonly b1?: tf.Tensor1D;
  /** The batch loss (scalar), only when asked for. */
  readonly loss?: tf.Scalar;
}

/** Σ over rows as a [1, rows]·[rows, k] product: a 2-D matMul is far cheaper on wasm than a column sum. */
function sumRows(values: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(tf.matMul(tf.ones([1, values.shape[0]]), values), [values.shape[1]]);
}

/**
 * Gradients of L = Σ_r rowScale_r Σ_i I_i (|x_ri| − y'_ri)² with y' = σ(W2 σ(W1 x + b1) + b), σ the
 * model's activation (ReLU unless given). `importance` is [1, n]. Call inside tf.tidy.
 */
export function instanceGradients(
  params: InstanceParams,
  batch: InstanceBatch,
  importance: tf.Tensor2D,
  withLoss: boolean,
  activation: ActivationOps = RELU_OPS,
): InstanceGradients {
  const { x, xT, rowScale, sparse } = batch;
  const [rows, n] = x.shape;
  const hidden = sparse
    ? sparseHidden(sparse, rows, n, params.W1T, params.b1, activation)
    : tf.fused.matMul({ a: x, b: params.W1T as tf.Tensor2D, bias: params.b1, activation: activation.fused });
  const output = tf.fused.matMul({ a: hidden, b: params.W2T as tf.Tensor2D, bias: params.b, activation: activation.fused });
  const residual = tf.sub(output, tf.abs(x));
  // dL/dy' = 2·rowScale·I·residual; σ′ comes from each layer's output (activation-ops.ts).
  const weightedResidual = tf.mul(tf.mul(residual, importance), tf.mul(rowScale, 2));
  const dOutput = tf.mul(weightedResidual, activation.derivativeFromOutput(output));
  const W2T = tf.matMul(tf.transpose(hidden), dOutput) as tf.Tensor2D;
  const dHidden = tf.mul(tf.matMul(dOutput, tf.transpose(params.W2T)), activation.derivativeFromOutput(hidden)) as tf.Tensor2D;
  const W1T = sparse ? sparseInputGradient(sparse, n, dHidden) : (tf.matMul(xT!, dHidden) as tf.Tensor2D);
  const loss = withLoss ? (tf.mul(tf.sum(tf.mul(weightedResidual, residual)), 0.5) as tf.Scalar) : undefined;
  return {
    W1T,
    W2T,
    b: sumRows(dOutput as tf.Tensor2D),
    ...(params.b1 ? { b1: sumRows(dHidden) } : {}),
    ...(loss ? { loss } : {}),
  };
}
