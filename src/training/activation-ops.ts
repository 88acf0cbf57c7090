/**
 * The TF.js side of the model's nonlinearity: for each activation name (src/model/activation.ts,
 * which stays free of TF.js), the ops both gradient formulations (gradients.ts,
 * stacked-gradients.ts) apply. A new activation is one entry here and one in activation.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ActivationName } from '../model/activation';

export interface ActivationOps {
  readonly name: ActivationName;
  /** σ as fused into the epilogue of `tf.fused.matMul` (one dispatch per layer, no separate op). */
  readonly fused: tf.fused.Activation;
  /**
   * σ′(z) as a mask of the same shape, computed from the layer's output y = σ(z): the fused
   * product keeps no pre-activation z. For ReLU, step(y) = 1 where y > 0 (exactly where z > 0)
   * and 0 elsewhere, so σ′(0) = 0, as activation.ts's `RELU.derivative` says.
   */
  readonly derivativeFromOutput: <T extends tf.Tensor>(output: T) => T;
  /**
   * σ of one float32 pre-activation held in host memory (the sparse hidden product in gradients.ts),
   * giving the same floats as `fused`. For ReLU a NaN becomes 0, as that path has always done.
   */
  readonly host: (z: number) => number;
}

/** ReLU's ops: the fused 'relu' epilogue, the mask step(y), and z > 0 ? z : 0 on the host. */
export const RELU_OPS: ActivationOps = Object.freeze({
  name: 'relu',
  fused: 'relu',
  derivativeFromOutput: <T extends tf.Tensor>(output: T): T => tf.step(output),
  // biome-ignore lint/complexity/useMathMinMax: a NaN must become 0 here, as it always has on this path; Math.max keeps it.
  host: (z: number): number => (z > 0 ? z : 0),
});

const OPS: Readonly<Record<ActivationName, ActivationOps>> = Object.freeze({ relu: RELU_OPS });

/**
 * The ops of activation `name`; absent gives ReLU's, as an absent `ModelConfig.activation` means
 * ReLU. A configuration reaches an engine validated, so an unknown name is a programming error and
 * throws a RangeError.
 */
export function activationOps(name: ActivationName | undefined): ActivationOps {
  const key = name ?? 'relu';
  if (!Object.hasOwn(OPS, key)) throw new RangeError(`no tensor ops for activation ${JSON.stringify(name)}`);
  return OPS[key];
}
