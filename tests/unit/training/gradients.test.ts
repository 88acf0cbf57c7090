import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importances, makeConfig } from '../../../src/model/config';
import { createInstanceData } from '../../../src/model/data';
import { batchLoss, type NetworkWeights } from '../../../src/model/network';
import { selectBackend } from '../../../src/training/backend';
import { initialWeights } from '../../../src/training/initial-weights';
import { weightsToTensors } from '../../../src/training/per-instance-engine';
import { instanceGradients } from '../../../src/training/gradients';

beforeAll(async () => {
  await selectBackend({ forced: 'cpu' });
});

type Field = 'W1' | 'W2' | 'b' | 'b1';

function perturbed(weights: NetworkWeights, field: Field, row: number, col: number, delta: number): NetworkWeights {
  const copy = structuredClone(weights) as { W1: number[][]; W2: number[][]; b: number[]; b1?: number[] };
  if (field === 'W1' || field === 'W2') copy[field][row]![col]! += delta;
  else copy[field]![col]! += delta;
  return copy;
}

describe('hand-written gradients', () => {
  it.each([false, true])('match central finite differences of the float64 reference loss (hidden bias: %s)', (hiddenBias) => {
    const config = makeConfig({ n: 6, m: 4, densities: [0.5], batch: 32, initStd: 0.5, hiddenBias });
    const start = initialWeights(config, 0);
    // Non-zero biases so that both ReLUs have active and inactive units.
    const weights: NetworkWeights = {
      ...start,
      b: start.b.map((_, i) => 0.1 * (i % 3) - 0.05),
      ...(hiddenBias ? { b1: [0.1, -0.1, 0.05, 0] } : {}),
    };
    const sample = createInstanceData(0.5, config.n, config.batch, 3, 1).next();
    const importance = importances(config);

    const grads = tf.tidy(() => {
      const params = weightsToTensors(weights);
      const g = instanceGradients(
        params,
        {
          x: tf.tensor2d(sample.x, [sample.rows, config.n]),
          xT: tf.tensor2d(sample.xT, [config.n, sample.rows]),
          rowScale: tf.div(tf.tensor2d(sample.rowWeights, [sample.rows, 1]), config.batch) as tf.Tensor2D,
        },
        tf.tensor2d(Array.from(importance), [1, config.n]),
        true,
      );
      return {
        W1: tf.transpose(g.W1T).arraySync() as number[][],
        W2: tf.transpose(g.W2T).arraySync() as number[][],
        b: g.b.arraySync(),
        b1: g.b1?.arraySync(),
        loss: g.loss!.arraySync(),
      };
    });

    expect(grads.loss).toBeCloseTo(batchLoss(weights, sample, importance), 5);
    const h = 1e-5;
    const check = (field: Field, row: number, col: number, analytic: number) => {
      const numeric =
        (batchLoss(perturbed(weights, field, row, col, h), sample, importance) -
          batchLoss(perturbed(weights, field, row, col, -h), sample, importance)) /
        (2 * h);
      expect(Math.abs(analytic - numeric)).toBeLessThan(1e-4 + 1e-3 * Math.abs(numeric));
    };
    let checked = 0;
    grads.W1.forEach((r, j) => {
      r.forEach((g, i) => {
        check('W1', j, i, g);
        checked++;
      });
    });
    grads.W2.forEach((r, i) => {
      r.forEach((g, j) => {
        check('W2', i, j, g);
        checked++;
      });
    });
    grads.b.forEach((g, i) => {
      check('b', 0, i, g);
    });
    grads.b1?.forEach((g, j) => {
      check('b1', 0, j, g);
    });
    expect(checked).toBe(2 * config.n * config.m);
    expect(grads.b1 !== undefined).toBe(hiddenBias);
  });
});
