import { describe, expect, it } from 'vitest';
import { analyseModel, EMBEDDED_NORM_FRACTION, embeddedFeatures, superpositionMeasures } from '../../../../src/model/analysis';
import type { NetworkWeights } from '../../../../src/model/network';
import { superpositionColour, NO_VALUE_COLOUR } from '../../../../src/viz/stack-plot/superposition-scale';

/**
 * 4 neurons, 6 features: features 0 and 1 share neuron 0 and 1 (in superposition), feature 2 has
 * neurons 2 and 3 to itself, features 3–5 have zero columns except feature 4's stray weight of
 * 1e-3, far under 3% of the largest norm.
 */
const W1 = [
  [1, 0.8, 0, 0, 1e-3, 0],
  [-1, -0.8, 0, 0, 0, 0],
  [0, 0, 1, 0, 0, 0],
  [0, 0, -1, 0, 0, 0],
];
const W2 = Array.from({ length: 6 }, (_, i) => (i < 3 ? [1, 1, i === 2 ? 1 : 0, i === 2 ? 1 : 0] : [0, 0, 0, 0]));
const model: NetworkWeights = { W1, W2, b: [0, 0, 0, 0.1, 0.1, 0.1] };

describe(`superposition only of embedded features (‖W_i‖ ≥ ${EMBEDDED_NORM_FRACTION} of the largest)`, () => {
  it('gives features with (near) zero columns no score, and scores the others as before', () => {
    const s = superpositionMeasures(model);
    expect(s.slice(3)).toEqual([null, null, null]);
    // Ŵ_0 = (1, −1)/√2; W_1 = 0.8·(1, −1): (Ŵ_0·W_1)² = (0.8·√2)² = 1.28.
    expect(s[0]).toBeCloseTo(1.28, 5); // plus (Ŵ_0·W_4)² = 5e-7 from the stray weight
    expect(s[1]).toBeCloseTo(2, 5); // (Ŵ_1·W_0)² = (√2)², plus the stray weight’s 5e-7
    expect(s[2]).toBe(0);
  });

  it('states which features are embedded, by the fraction of the largest norm', () => {
    expect(embeddedFeatures(model)).toEqual([true, true, true, false, false, false]);
    // At a fraction of 1e-4 the stray 1e-3 weight counts (1e-3 ≥ 1e-4·√2): the rule is the fraction, not zero.
    expect(embeddedFeatures(model, 1e-4)).toEqual([true, true, true, false, true, false]);
  });

  it('embeds nothing in an all-zero model and scores nothing there', () => {
    const zero = { W1: [[0, 0, 0]] };
    expect(embeddedFeatures(zero)).toEqual([false, false, false]);
    expect(superpositionMeasures(zero)).toEqual([null, null, null]);
  });

  it('carries null into the analysis, so that no count of features in superposition includes them', () => {
    const analysis = analyseModel(model, [1, 1, 1, 1, 1, 1]);
    const scores = analysis.features.map((f) => f.superposition);
    expect(scores.filter((x) => x === null)).toHaveLength(3);
    // Normalised weights (each neuron's largest |W1| is 1) keep the same embedded set.
    expect(scores.filter((x) => x !== null && x >= 0.5)).toHaveLength(2);
  });

  it('colours a feature with no score in the neutral colour, outside the scale', () => {
    expect(superpositionColour(null)).toBe(NO_VALUE_COLOUR);
    expect(superpositionColour(0)).not.toBe(NO_VALUE_COLOUR);
  });
});
