import { describe, expect, it } from 'vitest';
import { importances, PAPER_DENSITIES } from '../../../../src/model/config';
import { estimateLoss, referenceLosses } from '../../../../src/model/import';
import type { NetworkWeights } from '../../../../src/model/network';

const importance = importances({ n: 100, importanceDecay: 0.8 });

/** The clean solution with `pairs` pairs: ReLU(±x_i) neurons for the first features, E|x_i| = density/2 elsewhere. */
function cleanModel(n: number, m: number, pairs: number, density: number): NetworkWeights {
  const W1 = Array.from({ length: m }, (_, j) =>
    Array.from({ length: n }, (_, i) => (j < 2 * pairs && i === j >> 1 ? (j % 2 ? -1 : 1) : 0)),
  );
  const W2 = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => (j < 2 * pairs && i === j >> 1 ? 1 : 0)));
  return { W1, W2, b: Array.from({ length: n }, (_, i) => (i < pairs ? 0 : density / 2)) };
}

describe('the loss estimate and its references', () => {
  it('gives the zero-model and clean-solution losses at the paper levels (n = 100, m = 40)', () => {
    const zero = [1.667, 0.5, 0.167, 0.05, 0.0167, 0.005, 0.0017];
    const clean = [4.8e-3, 4.5e-3, 1.8e-3, 5.6e-4, 1.9e-4, 5.8e-5, 1.9e-5];
    PAPER_DENSITIES.forEach((density, k) => {
      const refs = referenceLosses(density, importance, 40);
      // SPEC gives two or three significant digits.
      expect(Math.abs(refs.zeroModel / zero[k]! - 1)).toBeLessThan(0.02);
      expect(Math.abs(refs.clean / clean[k]! - 1)).toBeLessThan(0.03);
    });
  });

  it.each([1, 0.1, 0.01, 0.001])('estimates the zero and clean models’ losses within four standard errors at density %s', (density) => {
    const n = 100;
    const zeroModel: NetworkWeights = cleanModel(n, 40, 0, 0);
    const refs = referenceLosses(density, importance, 40);
    const zero = estimateLoss({ ...zeroModel, b: Array(n).fill(0) }, density, importance, { examples: 20_000 });
    expect(Math.abs(zero.loss - refs.zeroModel)).toBeLessThan(4 * zero.standardError);
    const clean = estimateLoss(cleanModel(n, 40, 20, density), density, importance, { examples: 20_000 });
    expect(Math.abs(clean.loss - refs.clean)).toBeLessThan(4 * clean.standardError + 1e-12);
    expect(clean.standardError / clean.loss).toBeLessThan(0.05);
  });

  it('is the same number for the same weights, and its example count follows the model’s size', () => {
    const model = cleanModel(10, 6, 3, 0.3);
    const imp = importances({ n: 10, importanceDecay: 0.8 });
    expect(estimateLoss(model, 0.3, imp)).toEqual(estimateLoss(model, 0.3, imp));
    expect(estimateLoss(model, 0.3, imp).examples).toBe(100_000);
    expect(
      estimateLoss(cleanModel(1000, 200, 0, 0.3), 0.3, importances({ n: 1000, importanceDecay: 0.8 }), { examples: 10 }).examples,
    ).toBe(10);
  });
});
