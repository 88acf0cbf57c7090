import { describe, expect, it } from 'vitest';
import { silenceNeuron, singleFeatureResponse } from '../../../../src/model/analysis/response';
import type { NetworkWeights } from '../../../../src/model/network';

// The paper's example (docs/analysis.md, the motif): asymmetric neuron 0 reads [2, −½] of features a = 0 and b = 1 and
// writes [½, 2]; inhibition neuron 1 reads a little of a and writes −10 onto b.
const motif: NetworkWeights = {
  W1: [
    [2, -0.5],
    [0.5, 0],
  ],
  W2: [
    [0.5, 0],
    [2, -10],
  ],
  b: [0, 0],
};

describe('single-feature response', () => {
  it('shows a interfering with b once the inhibition neuron is silenced, and not before', () => {
    const response = singleFeatureResponse(motif, 0, 1, 1, 5);
    const atOne = response.at(-1)!;
    expect(atOne.xa).toBe(1);
    expect(atOne.outAWith).toBeCloseTo(1);
    expect(atOne.outBWith).toBe(0);
    expect(atOne.outBWithout).toBeCloseTo(4);
    expect(response[0]!.outAWith).toBe(0);
  });

  it('silencing a neuron zeroes its output weights only', () => {
    expect(silenceNeuron(motif, 1).W2).toEqual([
      [0.5, 0],
      [2, 0],
    ]);
    expect(silenceNeuron(motif, 1).W1).toBe(motif.W1);
  });
});
