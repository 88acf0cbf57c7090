import { describe, expect, it } from 'vitest';
import { normaliseNeurons } from '../../../../src/model/analysis';
import { forward, type NetworkWeights } from '../../../../src/model/network';
import { createRng, type Rng } from '../../../../src/model/random';

function randomNetwork(rng: Rng, n: number, m: number, hiddenBias: boolean): NetworkWeights {
  const scale = (): number => Math.exp(3 * (rng.next() - 0.5)); // neuron scales spread over ~20×
  const W1 = Array.from({ length: m }, () => {
    const s = scale();
    return Array.from({ length: n }, () => rng.normal() * s);
  });
  const W2 = Array.from({ length: n }, () => Array.from({ length: m }, () => rng.normal()));
  const b = Array.from({ length: n }, () => rng.normal() * 0.3);
  return { W1, W2, b, ...(hiddenBias ? { b1: Array.from({ length: m }, () => rng.normal() * 0.3) } : {}) };
}

describe('the plot normalisation', () => {
  it('rescales every neuron so that its largest |W1| weight is 1', () => {
    const rng = createRng(1);
    const w = randomNetwork(rng, 12, 7, false);
    const norm = normaliseNeurons(w);
    for (const row of norm.W1) expect(Math.max(...row.map(Math.abs))).toBeCloseTo(1, 12);
    norm.scales.forEach((c, j) => {
      expect(c).toBeCloseTo(Math.max(...w.W1[j]!.map(Math.abs)), 12);
    });
  });

  it("scales each neuron's W2 column by the inverse, so W2[i,j]·W1[j,k] is unchanged", () => {
    const w = randomNetwork(createRng(2), 5, 4, false);
    const norm = normaliseNeurons(w);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 4; j++)
        for (let k = 0; k < 5; k++) expect(norm.W2[i]![j]! * norm.W1[j]![k]!).toBeCloseTo(w.W2[i]![j]! * w.W1[j]![k]!, 12);
  });

  it.each([false, true])("leaves the network's output unchanged (hidden bias: %s)", (hiddenBias) => {
    const rng = createRng(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(rng.next() * 20);
      const m = 1 + Math.floor(rng.next() * 12);
      const w = randomNetwork(rng, n, m, hiddenBias);
      const norm = normaliseNeurons(w);
      for (let e = 0; e < 10; e++) {
        const x = Array.from({ length: n }, () => (rng.next() < 0.4 ? 2 * rng.next() - 1 : 0));
        const before = forward(w, x).output;
        const after = forward(norm, x).output;
        before.forEach((y, i) => {
          expect(after[i]).toBeCloseTo(y, 10);
        });
      }
    }
  });

  it('leaves a neuron with no input weight as it is', () => {
    const w: NetworkWeights = {
      W1: [
        [0, 0],
        [0.5, -2],
      ],
      W2: [
        [3, 1],
        [4, 1],
      ],
      b: [0, 0],
    };
    const norm = normaliseNeurons(w);
    expect(norm.scales).toEqual([1, 2]);
    expect(norm.W1).toEqual([
      [0, 0],
      [0.25, -1],
    ]);
    expect(norm.W2).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });
});
