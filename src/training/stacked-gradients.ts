/**
 * The forward and backward pass of all instances at once, for GPU backends: instances are the
 * leading dimension of every tensor, so each layer is one batched matMul whatever K is. The
 * arithmetic is gradients.ts's, per instance; transposed operands cost nothing on a GPU, so they
 * are passed as matMul flags instead of being stored transposed.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type ActivationOps, RELU_OPS } from './activation-ops';

/** Every instance's trainable tensors, stacked along the first axis. */
export interface StackedParams<T extends tf.Tensor = tf.Tensor> {
  /** [K, n, m]: W1 transposed. */
  readonly W1T: T;
  /** [K, m, n]: W2 transposed. */
  readonly W2T: T;
  /** [K, 1, n]: output bias. */
  readonly b: T;
  /** [K, 1, m]: hidden bias, only when enabled. */
  readonly b1?: T;
}

export interface StackedBatch {
  /** [K, rows, n]: each instance's compacted batch, padded with weight-0 zero rows to a common length. */
  readonly x: tf.Tensor3D;
  /** [K, rows, 1]: how many examples each row stands for, divided by the batch size. */
  readonly rowScale: tf.Tensor3D;
}

export interface StackedGradients {
  readonly W1T: tf.Tensor3D;
  readonly W2T: tf.Tensor3D;
  readonly b: tf.Tensor3D;
  readonly b1?: tf.Tensor3D;
  /** [K]: each instance's batch loss, only when asked for. */
  readonly loss?: tf.Tensor1D;
}

/**
 * Gradients of each instance's L = Σ_r rowScale_r Σ_i I_i (|x_ri| − y'_ri)², as in
 * `instanceGradients` (σ = `activation`, ReLU unless given). `importance` is [1, 1, n]. Call inside
 * tf.tidy.
 */
export function stackedGradients(
  params: StackedParams,
  batch: StackedBatch,
  importance: tf.Tensor3D,
  withLoss: boolean,
  activation: ActivationOps = RELU_OPS,
): StackedGradients {
  const { x, rowScale } = batch;
  const W1T = params.W1T as tf.Tensor3D;
  const W2T = params.W2T as tf.Tensor3D;
  const hidden = tf.fused.matMul({ a: x, b: W1T, bias: params.b1, activation: activation.fused }) as tf.Tensor3D;
  const output = tf.fused.matMul({ a: hidden, b: W2T, bias: params.b, activation: activation.fused }) as tf.Tensor3D;
  const residual = tf.sub(output, tf.abs(x));
  const weightedResidual = tf.mul(tf.mul(residual, importance), tf.mul(rowScale, 2));
  const dOutput = tf.mul(weightedResidual, activation.derivativeFromOutput(output)) as tf.Tensor3D;
  const dHidden = tf.mul(tf.matMul(dOutput, W2T, false, true), activation.derivativeFromOutput(hidden)) as tf.Tensor3D;
  return {
    W1T: tf.matMul(x, dHidden, true, false),
    W2T: tf.matMul(hidden, dOutput, true, false),
    b: tf.sum(dOutput, 1, true) as tf.Tensor3D,
    ...(params.b1 ? { b1: tf.sum(dHidden, 1, true) as tf.Tensor3D } : {}),
    ...(withLoss ? { loss: tf.mul(tf.sum(tf.mul(weightedResidual, residual), [1, 2]), 0.5) as tf.Tensor1D } : {}),
  };
}
