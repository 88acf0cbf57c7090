import { describe, expect, it } from 'vitest';
import { findMotifs, MOTIF_THRESHOLDS, analyseModel } from '../../../../src/model/analysis';
import { inhibitionOwnFeature } from '../../../../src/model/analysis/motif';
import type { NetworkWeights } from '../../../../src/model/network';
import { createRng } from '../../../../src/model/random';

/** |x| computed exactly with one ReLU(x_i) and one ReLU(−x_i) neuron per feature. */
function cleanAbsNetwork(n: number): NetworkWeights {
  const W1 = Array.from({ length: 2 * n }, (_, j) => Array.from({ length: n }, (_, i) => (i === j >> 1 ? (j % 2 === 0 ? 1 : -1) : 0)));
  const W2 = Array.from({ length: n }, (_, i) => Array.from({ length: 2 * n }, (_, j) => (i === j >> 1 ? 1 : 0)));
  return { W1, W2, b: new Array<number>(n).fill(0) };
}

interface Neuron {
  /** Input weight per feature index. */
  readonly in: Record<number, number>;
  /** Output weight per feature index. */
  readonly out: Record<number, number>;
}

function network(n: number, neurons: readonly Neuron[]): NetworkWeights {
  return {
    W1: neurons.map((u) => Array.from({ length: n }, (_, i) => u.in[i] ?? 0)),
    W2: Array.from({ length: n }, (_, i) => neurons.map((u) => u.out[i] ?? 0)),
    b: new Array<number>(n).fill(0),
  };
}

/**
 * The paper's example on features a and b of an n-feature model: the asymmetric neuron (in [2, −½],
 * out [½, 2]), the rest of |x_a| and |x_b| (ReLU(−x_a), ReLU(x_b)), clean pairs for every other
 * feature, and optionally the inhibition neuron (reads a with weight 1, writes −5 onto b).
 */
function paperExample(n: number, a: number, b: number, withPartner: boolean): NetworkWeights {
  const neurons: Neuron[] = [
    { in: { [a]: 2, [b]: -0.5 }, out: { [a]: 0.5, [b]: 2 } },
    { in: { [a]: -1 }, out: { [a]: 1 } },
    { in: { [b]: 1 }, out: { [b]: 1 } },
  ];
  for (let i = 0; i < n; i++) {
    if (i === a || i === b) continue;
    neurons.push({ in: { [i]: 1 }, out: { [i]: 1 } }, { in: { [i]: -1 }, out: { [i]: 1 } });
  }
  if (withPartner) neurons.push({ in: { [a]: 1 }, out: { [b]: -5 } });
  return network(n, neurons);
}

describe('the asymmetric superposition motif detector', () => {
  it('finds no motif in a clean |x| network', () => {
    expect(findMotifs(cleanAbsNetwork(8))).toEqual([]);
  });

  it("finds exactly one motif in the paper's example neuron with an inhibition partner, with the right a and b", () => {
    const w = paperExample(2, 0, 1, true);
    const motifs = findMotifs(w);
    expect(motifs).toHaveLength(1);
    const [m] = motifs;
    expect(m).toMatchObject({ asymmetricNeuron: 0, inhibitionNeuron: 3, featureA: 0, featureB: 1, signA: 1, signB: -1 });
    expect(m!.inputRatio).toBeCloseTo(0.25, 12);
    expect(m!.outputRatio).toBeCloseTo(4, 12);
    // a alone at 1: the asymmetric neuron pushes 4 onto b; the partner takes back 5; the ReLU clips.
    expect(m!.interference).toBeCloseTo(4, 12);
    expect(m!.cancellation).toBeCloseTo(5, 12);
    expect(m!.outputB).toBe(0);
    expect(m!.outputBWithoutInhibition).toBeCloseTo(4, 12);
    expect(m!.outputA).toBeCloseTo(1, 12);
    expect(m!.outputBAlone).toBeCloseTo(1, 12);
    expect(m!.asymmetricWeights).toEqual({ inA: 1, inB: -0.25, outA: 1, outB: 4 });
    expect(m!.inhibitionWeights).toEqual({ inA: 1, outB: -5 });
  });

  it('reports the right features and neurons when they sit anywhere in a larger model', () => {
    const motifs = findMotifs(paperExample(6, 4, 1, true));
    expect(motifs.map((m) => [m.featureA, m.featureB, m.asymmetricNeuron, m.inhibitionNeuron])).toEqual([[4, 1, 0, 11]]);
  });

  it('finds no motif in the same neuron without the inhibition partner', () => {
    expect(findMotifs(paperExample(2, 0, 1, false))).toEqual([]);
    expect(findMotifs(paperExample(6, 4, 1, false))).toEqual([]);
  });

  it('finds no motif when the partner reads a with the opposite sign (it never fires with the asymmetric neuron)', () => {
    const w = paperExample(2, 0, 1, false);
    const flipped = network(2, [
      { in: { 0: 2, 1: -0.5 }, out: { 0: 0.5, 1: 2 } },
      { in: { 0: -1 }, out: { 0: 1 } },
      { in: { 1: 1 }, out: { 1: 1 } },
      { in: { 0: -1 }, out: { 1: -5 } },
    ]);
    expect(findMotifs(w)).toEqual([]);
    expect(findMotifs(flipped)).toEqual([]);
  });

  it('finds no motif when the partner is too weak to take back half the interference', () => {
    const weak = network(2, [
      { in: { 0: 2, 1: -0.5 }, out: { 0: 0.5, 1: 2 } },
      { in: { 0: -1 }, out: { 0: 1 } },
      { in: { 1: 1 }, out: { 1: 1 } },
      { in: { 0: 1 }, out: { 1: -1.5 } },
    ]);
    expect(findMotifs(weak)).toEqual([]);
  });

  it('finds no motif in a symmetric two-feature neuron (input ratio above 0.5)', () => {
    const symmetric = network(2, [
      { in: { 0: 1, 1: -0.8 }, out: { 0: 1, 1: 1.25 } },
      { in: { 0: -1 }, out: { 0: 1 } },
      { in: { 1: 1 }, out: { 1: 1 } },
      { in: { 0: 1 }, out: { 1: -5 } },
    ]);
    expect(findMotifs(symmetric)).toEqual([]);
  });

  it("does not depend on how each neuron's scale is split between its input and output weights", () => {
    const w = paperExample(3, 0, 1, true);
    const scales = w.W1.map((_, j) => 0.2 + j);
    const rescaled: NetworkWeights = {
      W1: w.W1.map((row, j) => row.map((v) => v * scales[j]!)),
      W2: w.W2.map((row) => row.map((v, j) => v / scales[j]!)),
      b: w.b,
    };
    const [before] = findMotifs(w);
    const [after] = findMotifs(rescaled);
    expect(after).toMatchObject({ featureA: 0, featureB: 1, asymmetricNeuron: 0, inhibitionNeuron: before!.inhibitionNeuron });
    expect(after!.interference).toBeCloseTo(before!.interference, 12);
    expect(after!.inputRatio).toBeCloseTo(before!.inputRatio, 12);
  });

  it('counts the motif in the level summary', () => {
    expect(analyseModel(paperExample(3, 0, 1, true), [1, 0.8, 0.64]).counts.motifs).toBe(1);
  });

  it('finds no false motif in 1,000 random small networks at the documented thresholds', () => {
    expect(MOTIF_THRESHOLDS).toMatchObject({ minInputRatio: 0.1, maxInputRatio: 0.5, minOutputRatio: 2 });
    const rng = createRng(2022);
    let found = 0;
    for (let t = 0; t < 1000; t++) {
      const n = 2 + Math.floor(rng.next() * 11);
      const m = 1 + Math.floor(rng.next() * 12);
      const std1 = 0.05 + rng.next();
      const std2 = 0.05 + 2 * rng.next();
      const w: NetworkWeights = {
        W1: Array.from({ length: m }, () => Array.from({ length: n }, () => rng.normal() * std1)),
        W2: Array.from({ length: n }, () => Array.from({ length: m }, () => rng.normal() * std2)),
        b: Array.from({ length: n }, () => rng.normal() * 0.1),
      };
      found += findMotifs(w).length;
    }
    expect(found).toBe(0);
  });
});

describe("the inhibition neuron's own main feature", () => {
  it('is a itself in the paper’s example, where the partner reads only a', () => {
    const w = paperExample(6, 4, 1, true);
    const [m] = findMotifs(w);
    const own = inhibitionOwnFeature(w, m!);
    expect(own).toMatchObject({ feature: 4, sign: 1, inWeight: 1, outOwn: 0, outB: -5, push: -5 });
    // a alone at 1: the asymmetric neuron writes +4 onto b, the partner −5.
    expect(own.netOnB).toBeCloseTo(-1, 12);
  });

  it('is the feature the partner reads most, which then pushes b’s output down', () => {
    const w = paperExample(6, 4, 1, false);
    const partner = { in: { 4: 1, 3: -2 }, out: { 1: -5 } };
    const withPartner = network(6, [...Array.from({ length: w.W1.length }, (_, j) => neuronOf(w, j)), partner]);
    const [m] = findMotifs(withPartner);
    expect(m?.inhibitionNeuron).toBe(withPartner.W1.length - 1);
    const own = inhibitionOwnFeature(withPartner, m!);
    // Rescaled so its largest input is 1: its output weights double.
    expect(own).toMatchObject({ feature: 3, sign: -1, inWeight: -1, outOwn: 0, outB: -10, push: -10, netOnB: -10 });
  });

  it('says when other neurons make up for the push on b', () => {
    const w = paperExample(6, 4, 1, false);
    const neurons = [...Array.from({ length: w.W1.length }, (_, j) => neuronOf(w, j)), { in: { 4: 1, 3: -2 }, out: { 1: -5 } }];
    const compensated = network(6, [...neurons, { in: { 3: -1 }, out: { 1: 15 } }]);
    const [m] = findMotifs(compensated);
    const own = inhibitionOwnFeature(compensated, m!);
    expect(own.push).toBeCloseTo(-10, 12);
    expect(own.netOnB).toBeCloseTo(5, 12);
  });
});

/** Neuron j of `w` as a Neuron (its non-zero weights). */
function neuronOf(w: NetworkWeights, j: number): Neuron {
  const pick = (values: readonly number[]): Record<number, number> =>
    Object.fromEntries(values.flatMap((v, i) => (v !== 0 ? [[i, v]] : [])));
  return { in: pick(w.W1[j]!), out: pick(w.W2.map((row) => row[j]!)) };
}
