import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, RELU, type ActivationName } from '../../../src/model/activation';
import { selectBackend } from '../../../src/training/backend';
import { activationOps, RELU_OPS } from '../../../src/training/activation-ops';

beforeAll(async () => {
  await selectBackend({ forced: 'cpu' });
});

/** Pre-activations round the kink, as float32 (what the tensors hold). */
const Z = [-2, -0.5, -1e-20, -0, 0, 1e-20, 0.5, 2].map(Math.fround);

describe('activation ops (the TF.js side of activation.ts)', () => {
  it('has an entry for every activation offered, and ReLU when none is named', () => {
    for (const name of Object.keys(ACTIVATIONS) as ActivationName[]) expect(activationOps(name).name).toBe(name);
    expect(activationOps(undefined)).toBe(RELU_OPS);
    expect(() => activationOps('tanh' as ActivationName)).toThrow(/no tensor ops for activation "tanh"/);
  });

  it('fuses the same function into the product as RELU.output computes', () => {
    const y = tf.tidy(() =>
      tf.fused.matMul({ a: tf.tensor2d(Z, [Z.length, 1]), b: tf.tensor2d([1], [1, 1]), activation: RELU_OPS.fused }).dataSync(),
    );
    expect(Array.from(y)).toEqual(Z.map((z) => RELU.output(z)));
  });

  it('takes σ′ from the output with the derivative convention of RELU.derivative, 0 at z = 0 included', () => {
    const mask = tf.tidy(() => RELU_OPS.derivativeFromOutput(tf.tensor1d(Z.map((z) => RELU.output(z)))).dataSync());
    expect(Array.from(mask)).toEqual(Z.map((z) => RELU.derivative(z)));
    expect(RELU.derivative(0)).toBe(0);
  });

  it('computes σ on the host as the fused product does (the sparse hidden path)', () => {
    for (const z of Z) expect(RELU_OPS.host(z)).toBe(RELU.output(z));
    expect(RELU_OPS.host(Number.NaN)).toBe(0);
  });
});
