import { describe, expect, it } from 'vitest';
import { importances, makeConfig, PAPER_DENSITIES } from '../../../src/model/config';
import {
  cleanSolutionLoss,
  DEFAULT_EVALUATION_EXAMPLES,
  evaluateLoss,
  evaluationExamplesFor,
  referenceLosses,
  zeroModelLoss,
} from '../../../src/model/evaluation';
import { exampleLoss, type NetworkWeights } from '../../../src/model/network';
import { createRng } from '../../../src/model/random';

const config = makeConfig();
const importance = importances(config);
const { n, m } = config;

/** A model with every kind of output: random W1 and W2, positive and negative output biases. */
function randomModel(seed: number): NetworkWeights {
  const rng = createRng(seed, 1);
  return {
    W1: Array.from({ length: m }, () => Array.from({ length: n }, () => 0.3 * rng.normal())),
    W2: Array.from({ length: n }, () => Array.from({ length: m }, () => 0.3 * rng.normal())),
    b: Array.from({ length: n }, () => 0.2 * rng.next() - 0.05),
  };
}

/** The clean 20×2 solution: neurons 2k, 2k + 1 compute ReLU(±x_k) for k < 20, the others output density/2. */
function cleanModel(density: number): NetworkWeights {
  const pairs = m / 2;
  return {
    W1: Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => (i === j >> 1 ? (j % 2 === 0 ? 1 : -1) : 0))),
    W2: Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => (i < pairs && j >> 1 === i ? 1 : 0))),
    b: Array.from({ length: n }, (_, i) => (i < pairs ? 0 : density / 2)),
  };
}

/** Brute force: draw whole examples (zeros included) and average their loss. */
function bruteForce(weights: NetworkWeights, density: number, examples: number, seed: number): { loss: number; standardError: number } {
  const rng = createRng(seed, 2);
  const x = new Float64Array(n);
  let sum = 0;
  let sumSquares = 0;
  for (let e = 0; e < examples; e++) {
    for (let i = 0; i < n; i++) x[i] = rng.next() < density ? 2 * rng.next() - 1 : 0;
    const loss = exampleLoss(weights, x, importance);
    sum += loss;
    sumSquares += loss * loss;
  }
  const mean = sum / examples;
  const variance = (sumSquares - examples * mean * mean) / (examples - 1);
  return { loss: mean, standardError: Math.sqrt(variance / examples) };
}

describe('the exact evaluation', () => {
  for (const [density, examples] of [
    [1, 20_000],
    [0.03, 60_000],
    [0.001, 150_000],
  ] as const) {
    it(`agrees with a brute-force Monte-Carlo estimate within 3 standard errors at density ${density}`, () => {
      const weights = randomModel(3);
      const exact = evaluateLoss(weights, density, importance, { examples: 20_000 });
      const brute = bruteForce(weights, density, examples, 5);
      const tolerance = 3 * Math.hypot(exact.standardError, brute.standardError);
      expect(Math.abs(exact.loss - brute.loss)).toBeLessThan(tolerance);
      // The estimate is informative: its standard error is a small part of the loss.
      expect(exact.standardError).toBeLessThan(0.05 * exact.loss);
    });
  }

  it('weights the all-zero example by S^n exactly', () => {
    const weights = randomModel(4);
    const result = evaluateLoss(weights, 0.001, importance, { examples: 1000 });
    expect(result.zeroExampleProbability).toBeCloseTo(0.999 ** 100, 14);
    const zeros = new Float64Array(n);
    expect(result.zeroExampleLoss).toBeCloseTo(exampleLoss(weights, zeros, importance), 12);
    expect(evaluateLoss(weights, 1, importance, { examples: 10 }).zeroExampleProbability).toBe(0);
  });

  it('sizes a browser evaluation by the model: 5·10^4 examples for this one, 10^5 for a small one, never under 2,000', () => {
    expect(evaluationExamplesFor(100, 40)).toBe(50_000);
    expect(evaluationExamplesFor(10, 6)).toBe(DEFAULT_EVALUATION_EXAMPLES);
    expect(evaluationExamplesFor(10_000, 1_000)).toBe(2_000);
  });

  it('is deterministic for a seed and changes with it', () => {
    const weights = randomModel(6);
    const a = evaluateLoss(weights, 0.1, importance, { examples: 2000 });
    expect(evaluateLoss(weights, 0.1, importance, { examples: 2000 })).toEqual(a);
    expect(evaluateLoss(weights, 0.1, importance, { examples: 2000, seed: 1 }).loss).not.toBe(a.loss);
  });

  it('gives the zero model and the clean solution their analytic losses', () => {
    const zero: NetworkWeights = {
      W1: Array.from({ length: m }, () => new Array<number>(n).fill(0)),
      W2: Array.from({ length: n }, () => new Array<number>(m).fill(0)),
      b: new Array<number>(n).fill(0),
    };
    for (const density of [1, 0.1, 0.003]) {
      const zeroEstimate = evaluateLoss(zero, density, importance, { examples: 20_000 });
      expect(Math.abs(zeroEstimate.loss - zeroModelLoss(density, importance))).toBeLessThan(3 * zeroEstimate.standardError);
      const clean = evaluateLoss(cleanModel(density), density, importance, { examples: 20_000 });
      expect(Math.abs(clean.loss - cleanSolutionLoss(density, importance, 20))).toBeLessThan(3 * clean.standardError);
    }
  });

  it('matches the reference values of docs/training.md to two significant figures', () => {
    const zero = [1.667, 0.5, 0.167, 0.05, 0.0167, 0.005, 0.0017];
    const clean = [4.8e-3, 4.5e-3, 1.8e-3, 5.6e-4, 1.9e-4, 5.8e-5, 1.9e-5];
    const twoFigures = (v: number): number => Number(v.toPrecision(2));
    PAPER_DENSITIES.forEach((density, k) => {
      const reference = referenceLosses(density, importance, m);
      expect(twoFigures(reference.zeroModel), `zero model at ${density}`).toBe(twoFigures(zero[k]!));
      expect(twoFigures(reference.clean), `clean solution at ${density}`).toBe(twoFigures(clean[k]!));
    });
  });
});
