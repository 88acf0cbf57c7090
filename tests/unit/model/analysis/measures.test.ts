import { describe, expect, it } from 'vitest';
import {
  CARRIER_SHARE,
  featureNorms,
  featurePair,
  featurePairs,
  neuronOrder,
  participationRatio,
  polysemanticityScore,
  SECONDARY_WEIGHT,
  analyseFeatures,
  analyseModel,
  analyseNeurons,
  superpositionMeasures,
} from '../../../../src/model/analysis';
import type { NetworkWeights } from '../../../../src/model/network';

/** |x| computed exactly: neuron 2i = ReLU(s·x_i), 2i+1 = ReLU(−s·x_i), output weight 1/s. */
function cleanAbsNetwork(n: number, s = 1): NetworkWeights {
  const W1 = Array.from({ length: 2 * n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j >> 1 ? (j % 2 === 0 ? s : -s) : 0)));
  const W2 = Array.from({ length: n }, (_, i) => Array.from({ length: 2 * n }, (_, j) => (i === j >> 1 ? 1 / s : 0)));
  return { W1, W2, b: new Array<number>(n).fill(0) };
}

describe('neuron order', () => {
  it('puts neurons left to right by the importance of their largest feature, positive side first', () => {
    const W1 = [
      [0.1, 0, 3], // largest: feature 2
      [-2, 0.5, 0], // largest: feature 0, negative
      [1, 0, 0.2], // largest: feature 0, positive
      [0, 0, 0], // no feature: last
      [0, -1, 0.3], // largest: feature 1
    ];
    expect(neuronOrder({ W1 }, [1, 0.8, 0.64])).toEqual([2, 1, 4, 0, 3]);
  });

  it('follows the importances, not the feature indices, when they disagree', () => {
    const W1 = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    expect(neuronOrder({ W1 }, [0.1, 1, 0.5])).toEqual([1, 2, 0]);
  });
});

describe('the superposition measure s_i = Σ_{j≠i} (Ŵ_i·W_j)²', () => {
  // Columns (features): W_0 = (1, 0), W_1 = (0, 2), W_2 = (0.5, 0), W_3 = 0.
  const W1 = [
    [1, 0, 0.5, 0],
    [0, 2, 0, 0],
  ];

  it('agrees with hand-computed values', () => {
    const s = superpositionMeasures({ W1 });
    expect(s[0]).toBeCloseTo(0.25, 12); // (Ŵ_0·W_2)² = 0.5²
    expect(s[1]).toBeCloseTo(0, 12); // orthogonal to all
    expect(s[2]).toBeCloseTo(1, 12); // (Ŵ_2·W_0)² = 1²
    expect(s[3]).toBeNull(); // no direction: no score
  });

  it('reports the norms ‖W_i‖', () => {
    expect(featureNorms({ W1 })).toEqual([1, 2, 0.5, 0]);
  });

  it('is 0 for every feature of a clean |x| network', () => {
    expect(superpositionMeasures(cleanAbsNetwork(5))).toEqual([0, 0, 0, 0, 0]);
  });

  it('is not symmetric: a small feature inside a big one is heavily superposed, the big one barely', () => {
    const s = superpositionMeasures({ W1: [[1, 0.1]] });
    expect(s[0]).toBeCloseTo(0.01, 12);
    expect(s[1]).toBeCloseTo(1, 12);
  });
});

describe('per-neuron polysemanticity', () => {
  it(`a monosemantic neuron has no other feature at or above ${SECONDARY_WEIGHT} of its largest`, () => {
    const w: NetworkWeights = { W1: [[-2, 0.1, 0.05]], W2: [[1], [0], [0]], b: [0, 0, 0] };
    const [s] = analyseNeurons(w);
    expect(s!.kind).toBe('monosemantic');
    expect(s!.primary).toEqual({ feature: 0, weight: -1 });
    expect(s!.secondary).toEqual([]);
    expect(s!.secondRatio).toBeCloseTo(0.05, 12);
    expect(s!.scale).toBe(2);
  });

  it('a polysemantic neuron lists its secondary features, largest first, with signed normalised weights', () => {
    const w: NetworkWeights = { W1: [[0.5, -0.04, 0.15, -0.1]], W2: [[1], [0], [0], [0]], b: [0, 0, 0, 0] };
    const [s] = analyseNeurons(w);
    expect(s!.kind).toBe('polysemantic');
    expect(s!.primary).toEqual({ feature: 0, weight: 1 });
    expect(s!.secondary.map((f) => f.feature)).toEqual([2, 3]);
    expect(s!.secondary[0]!.weight).toBeCloseTo(0.3, 12);
    expect(s!.secondary[1]!.weight).toBeCloseTo(-0.2, 12);
    expect(s!.polysemanticity).toBeCloseTo(1 - 1 / (1 + 0.0064 + 0.09 + 0.04), 12);
  });

  it('the score is 0 for one feature and 1 − 1/k for k equal features, whatever the scale', () => {
    expect(polysemanticityScore([0, 3, 0])).toBe(0);
    // The participation ratio counts features' worth of weight: 1 for one, k for k equal ones, 0 for none.
    expect(participationRatio([0, 3, 0])).toBe(1);
    expect(participationRatio([2, -2, 2, 0])).toBeCloseTo(3, 12);
    expect(participationRatio([1, 0.5])).toBeCloseTo(1.5625 / 1.0625, 12);
    expect(participationRatio([0, 0])).toBe(0);
    expect(polysemanticityScore([2, -2, 2, 0])).toBeCloseTo(2 / 3, 12);
    expect(polysemanticityScore([0.1, 0.1])).toBeCloseTo(0.5, 12);
    expect(polysemanticityScore([0, 0])).toBe(0);
  });

  it('a neuron with no input weight, or no output weight, is dead', () => {
    const w: NetworkWeights = {
      W1: [
        [0, 0],
        [1, 0.5],
        [1, 0],
      ],
      W2: [
        [1, 0, 1],
        [1, 0.001, 0],
      ],
      b: [0, 0],
    };
    expect(analyseNeurons(w).map((s) => s.kind)).toEqual(['dead', 'dead', 'monosemantic']);
  });
});

describe('features and their ± pairs', () => {
  it('a clean |x| network represents every feature on both sides, each side carried by one neuron', () => {
    const w = cleanAbsNetwork(4, 2.5);
    const features = analyseFeatures(w);
    for (const f of features) {
      expect(f.representation).toBe('both');
      expect(f.gainPositive).toBeCloseTo(1, 12);
      expect(f.gainNegative).toBeCloseTo(1, 12);
    }
    const pairs = featurePairs(w);
    expect(pairs).toHaveLength(4);
    pairs.forEach((p, i) => {
      expect(p.positive.map((c) => c.neuron)).toEqual([2 * i]);
      expect(p.negative.map((c) => c.neuron)).toEqual([2 * i + 1]);
      expect(p.positive[0]).toMatchObject({ inputWeight: 2.5, outputWeight: 0.4 });
      expect(p.positive[0]!.gain).toBeCloseTo(1, 12);
    });
  });

  it('a feature computed on one side only is half represented; one not computed has no pair', () => {
    // Feature 0: ReLU(x_0) only. Feature 1: nothing.
    const w: NetworkWeights = { W1: [[1, 0]], W2: [[1], [0]], b: [0, 0.2] };
    expect(analyseFeatures(w).map((f) => f.representation)).toEqual(['positive', 'none']);
    expect(featurePairs(w).map((p) => p.feature)).toEqual([0]);
  });

  it('a feature whose output bias holds its output at zero is not computed, though its neurons compute |x_0|', () => {
    // Neurons 0 and 1 are a clean ± pair for x_0 (gains 1 and 1), but b_0 = −2: output 0 is
    // ReLU(|x_0| − 2) = 0 for every x_0 in [−1, 1].
    const w: NetworkWeights = { ...cleanAbsNetwork(1), b: [-2] };
    const [feature] = analyseFeatures(w);
    expect(feature).toMatchObject({ gainPositive: 1, gainNegative: 1, responsePositive: 0, responseNegative: 0 });
    expect(feature!.representation).toBe('none');
    expect(feature!.deadOutput).toBe(true);
    expect(featurePairs(w)).toEqual([]);
    expect(analyseModel(w, [1]).counts).toMatchObject({ representedFeatures: 0, halfRepresentedFeatures: 0, deadOutputs: 1 });
  });

  it('a negative output bias that leaves the ReLU open for most of the range still computes the feature', () => {
    // b_0 = −0.2: output 0 is ReLU(|x_0| − 0.2), which rises by 0.8 from rest to |x_0| = 1.
    const w: NetworkWeights = { ...cleanAbsNetwork(1), b: [-0.2] };
    const [feature] = analyseFeatures(w);
    expect(feature!.responsePositive).toBeCloseTo(0.8, 12);
    expect(feature!.representation).toBe('both');
    expect(feature!.deadOutput).toBe(false);
  });

  it('a positive output bias is not a response: a constant output alone computes nothing', () => {
    // Feature 0 has no neuron; its output sits at b_0 = 0.5 ≈ E|x_0| whatever x_0 is.
    const w: NetworkWeights = { W1: [[0]], W2: [[0]], b: [0.5] };
    expect(analyseFeatures(w)[0]).toMatchObject({ responsePositive: 0, responseNegative: 0, representation: 'none', deadOutput: false });
  });

  it(`a side lists only neurons contributing at least ${CARRIER_SHARE * 100}% of its gain, largest first`, () => {
    // Feature 0, positive side: neurons 0 (gain 0.6), 1 (0.35), 2 (0.05, too small).
    const w: NetworkWeights = { W1: [[1], [0.5], [0.1]], W2: [[0.6, 0.7, 0.5]], b: [0] };
    const pair = featurePair(w, 0);
    expect(pair.positive.map((c) => c.neuron)).toEqual([0, 1]);
    expect(pair.negative).toEqual([]);
  });

  it('neither gains, responses nor carriers change under the plot normalisation', () => {
    const w: NetworkWeights = {
      W1: [
        [3, -1],
        [-0.2, 0.4],
      ],
      W2: [
        [0.3, -1],
        [2, 2.5],
      ],
      b: [0, 0],
    };
    const level = analyseModel(w, [1, 0.8]);
    const raw = analyseFeatures(w);
    level.features.forEach((f, i) => {
      expect(f.gainPositive).toBeCloseTo(raw[i]!.gainPositive, 12);
      expect(f.gainNegative).toBeCloseTo(raw[i]!.gainNegative, 12);
      expect(f.responsePositive).toBeCloseTo(raw[i]!.responsePositive, 12);
      expect(f.responseNegative).toBeCloseTo(raw[i]!.responseNegative, 12);
    });
  });
});

describe('the per-level summary', () => {
  it('a clean |x| network: every neuron monosemantic, every feature represented, no motif', () => {
    const level = analyseModel(cleanAbsNetwork(6, 0.7), [1, 0.8, 0.64, 0.51, 0.41, 0.33]);
    expect(level.counts).toEqual({
      neurons: 12,
      monosemantic: 12,
      polysemantic: 0,
      dead: 0,
      lowParticipation: 12,
      representedFeatures: 6,
      halfRepresentedFeatures: 0,
      deadOutputs: 0,
      meanPolysemanticity: 0,
      motifs: 0,
    });
    expect(level.order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(level.features.map((f) => f.superposition)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
