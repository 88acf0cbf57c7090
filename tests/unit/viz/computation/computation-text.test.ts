import { describe, expect, it } from 'vitest';
import { computeForward } from '../../../../src/model/analysis/computation';
import type { NetworkWeights } from '../../../../src/model/network';
import { describeComputation, inputKey, withValue } from '../../../../src/viz/computation/computation-text';

const weights: NetworkWeights = {
  W1: [
    [1, 0],
    [0, 1],
  ],
  W2: [
    [1, 0],
    [0.3, 1],
  ],
  b: [0, 0],
};

describe('editing the input', () => {
  it('sets, clamps, rounds and removes values, keeping the input sorted', () => {
    expect(withValue([{ feature: 3, value: 0.5 }], 1, 2)).toEqual([
      { feature: 1, value: 1 },
      { feature: 3, value: 0.5 },
    ]);
    expect(withValue([{ feature: 3, value: 0.5 }], 3, 0.123456)).toEqual([{ feature: 3, value: 0.12 }]);
    expect(withValue([{ feature: 3, value: 0.5 }], 3, 0)).toEqual([]);
  });

  it('moves between features with ←/→ and changes the value with ↑/↓ (Shift: finer)', () => {
    expect(inputKey([], 0, 5, 'ArrowLeft')?.feature).toBe(0);
    expect(inputKey([], 4, 5, 'ArrowRight')?.feature).toBe(4);
    expect(inputKey([], 2, 5, 'End')?.feature).toBe(4);
    expect(inputKey([], 2, 5, 'ArrowUp')?.input).toEqual([{ feature: 2, value: 0.1 }]);
    expect(inputKey([{ feature: 2, value: 0.1 }], 2, 5, 'ArrowDown', true)?.input).toEqual([{ feature: 2, value: 0.09 }]);
    expect(inputKey([{ feature: 2, value: 0.1 }], 2, 5, 'PageDown')?.input).toEqual([{ feature: 2, value: -1 }]);
    expect(inputKey([{ feature: 2, value: 0.1 }], 2, 5, 'Delete')?.input).toEqual([]);
    expect(inputKey([], 2, 5, 'a')).toBeUndefined();
  });
});

describe('the text summary', () => {
  it('states the input, the neurons firing, each output against its target and the interference', () => {
    const text = describeComputation(computeForward(weights, [{ feature: 0, value: 0.5 }]));
    expect(text).toContain('Input x0 = 0.50.');
    expect(text).toContain('1 of 2 neurons fire, 1 of them at 0.1 or more.');
    expect(text).toContain('Output 0 = 0.50 against its target 0.50 (0.00)');
    expect(text).toContain(
      'Interference: 1 output that should be 0 rises 0.01 or more above its resting value, largest output 1 = 0.15 (at rest 0.00).',
    );
  });

  it('says when nothing is active', () => {
    expect(describeComputation(computeForward(weights, []))).toMatch(/No feature is active/);
  });
});
