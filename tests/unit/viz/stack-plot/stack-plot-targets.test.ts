import { describe, expect, it } from 'vitest';
import { stackLayout } from '../../../../src/viz/stack-plot/stack-layout';
import { featureSequence, keyboardMove, rectAt, targetAt, targetText } from '../../../../src/viz/stack-plot/stack-plot-targets';
import type { StackPlotData, StackPlotNeuron } from '../../../../src/viz/core/types';

function neuron(index: number, inWeights: readonly number[]): StackPlotNeuron {
  return {
    neuron: index,
    polysemanticity: 0,
    kind: 'polysemantic',
    description: `neuron ${index}: its description`,
    weights: inWeights.map((w, feature) => ({ feature, inWeight: w, outWeight: 2 * w })),
  };
}

// Columns in plot order: neurons 7, 3, 5. Neuron 3 reads features 0 (0.5), 1 (−1) and 2 (0.25); 3 is 0.
const data: StackPlotData = {
  neurons: [neuron(7, [1, 0, 0, 0]), neuron(3, [0.5, -1, 0.25, 0]), neuron(5, [0, 0, -1, 0])],
  superposition: [0, 0.4, 1.7, 0],
};
const HEIGHT = 200;
const layout = stackLayout(data, 300, HEIGHT);
const column = (neuronIndex: number) => layout.columns.find((c) => c.neuron === neuronIndex)!;

describe('rectAt', () => {
  it('finds the rectangle under a height, above and below the axis, and nothing in empty space', () => {
    const c = column(3);
    for (const r of c.rects.filter((r) => r.h > 0)) expect(rectAt(c, r.y + r.h / 2)?.feature).toBe(r.feature);
    expect(rectAt(c, c.top - 5)).toBeUndefined();
    expect(rectAt(c, c.bottom + 5)).toBeUndefined();
  });
});

describe('targetAt', () => {
  it('finds the column whose slot holds x, gap included, and the rect under y', () => {
    const rect = column(3).rects.find((r) => r.feature === 1)!;
    expect(targetAt(layout, HEIGHT, rect.x + rect.w / 2, rect.y + rect.h / 2)).toEqual({ neuron: 3, feature: 1 });
    // In the gap between two columns, and above their stacks, the pointer reads the column whose slot it is in.
    expect(targetAt(layout, HEIGHT, 2 * layout.slot - 0.5, 2)).toEqual({ neuron: 3 });
    expect(targetAt(layout, HEIGHT, 2 * layout.slot + 0.5, 2)).toEqual({ neuron: 5 });
  });

  it('finds nothing outside the plot area', () => {
    expect(targetAt(layout, HEIGHT, -1, 50)).toBeUndefined();
    expect(targetAt(layout, HEIGHT, 300, 50)).toBeUndefined();
    expect(targetAt(layout, HEIGHT, 10, HEIGHT + 1)).toBeUndefined();
    expect(targetAt(stackLayout({ neurons: [], superposition: [] }, 300, HEIGHT), HEIGHT, 10, 10)).toBeUndefined();
  });
});

describe('keyboardMove', () => {
  it('steps through a column from the largest weight down, skipping weights not drawn', () => {
    expect(featureSequence(column(3)).map((r) => r.feature)).toEqual([1, 0, 2]);
    let at = keyboardMove(layout, { neuron: 3 }, 'ArrowDown');
    expect(at).toEqual({ neuron: 3, feature: 1 });
    at = keyboardMove(layout, at!, 'ArrowDown');
    expect(at).toEqual({ neuron: 3, feature: 0 });
    at = keyboardMove(layout, at!, 'ArrowDown');
    expect(at).toEqual({ neuron: 3, feature: 2 });
    expect(keyboardMove(layout, at!, 'ArrowDown')).toEqual({ neuron: 3, feature: 2 });
  });

  it('steps back up to the column itself, and no further', () => {
    expect(keyboardMove(layout, { neuron: 3, feature: 0 }, 'ArrowUp')).toEqual({ neuron: 3, feature: 1 });
    expect(keyboardMove(layout, { neuron: 3, feature: 1 }, 'ArrowUp')).toEqual({ neuron: 3 });
    expect(keyboardMove(layout, { neuron: 3 }, 'ArrowUp')).toEqual({ neuron: 3 });
  });

  it('moves between columns in plot order, clamped at the ends, leaving the feature behind', () => {
    expect(keyboardMove(layout, { neuron: 7 }, 'ArrowRight')).toEqual({ neuron: 3 });
    expect(keyboardMove(layout, { neuron: 3, feature: 1 }, 'ArrowRight')).toEqual({ neuron: 5 });
    expect(keyboardMove(layout, { neuron: 5 }, 'ArrowRight')).toEqual({ neuron: 5 });
    expect(keyboardMove(layout, { neuron: 3 }, 'ArrowLeft')).toEqual({ neuron: 7 });
    expect(keyboardMove(layout, { neuron: 7 }, 'ArrowLeft')).toEqual({ neuron: 7 });
    expect(keyboardMove(layout, { neuron: 3, feature: 0 }, 'Home')).toEqual({ neuron: 7 });
    expect(keyboardMove(layout, { neuron: 7 }, 'End')).toEqual({ neuron: 5 });
  });

  it('leaves other keys and unknown columns to the page', () => {
    expect(keyboardMove(layout, { neuron: 3 }, 'Tab')).toBeUndefined();
    expect(keyboardMove(layout, { neuron: 3 }, 'a')).toBeUndefined();
    expect(keyboardMove(layout, { neuron: 99 }, 'ArrowDown')).toBeUndefined();
  });
});

describe('targetText', () => {
  it("reads a feature's weights, or the column's description", () => {
    expect(targetText(layout, { neuron: 3, feature: 1 })).toBe('feature 1 · in −1.00 · out −2.00 · superposition 0.40');
    expect(targetText(layout, { neuron: 3 })).toMatch(/^neuron 3: its description; \d+ features? ≥ 10 % of its largest$/);
  });

  it('has nothing for a feature that is not drawn or a column that is gone', () => {
    expect(targetText(layout, { neuron: 3, feature: 3 })).toBeUndefined();
    expect(targetText(layout, { neuron: 99 })).toBeUndefined();
  });
});
