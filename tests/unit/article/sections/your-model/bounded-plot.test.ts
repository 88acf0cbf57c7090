import { describe, expect, it } from 'vitest';
import { boundedStackPlot, SEGMENTS_PER_SIDE } from '../../../../../src/article/sections/your-model/bounded-plot';
import { createRng } from '../../../../../src/model/random';
import type { StackPlotData, StackPlotNeuron } from '../../../../../src/viz/core/types';
import { carriedFeatures, stackHeights, stackLayout } from '../../../../../src/viz/stack-plot/stack-layout';
import { featureTooltip } from '../../../../../src/viz/stack-plot/stack-tooltip';

/** A neuron weighting every one of `n` features, in [−1, 1]. */
function denseNeuron(neuron: number, n: number, seed: number): StackPlotNeuron {
  const rng = createRng(seed, neuron);
  return {
    neuron,
    polysemanticity: 1,
    kind: 'polysemantic',
    description: `neuron ${neuron}`,
    weights: Array.from({ length: n }, (_, feature) => ({ feature, inWeight: rng.next() * 2 - 1, outWeight: rng.next() })),
  };
}

const dense: StackPlotData = {
  neurons: [0, 1, 2].map((j) => denseNeuron(j, 1000, 27)),
  superposition: Array.from({ length: 1000 }, () => 0.5),
};

describe('a loaded model’s stack plot, bounded', () => {
  it('keeps the largest weights of each side and merges the rest into one segment, heights and ≥ 10 % counts unchanged', () => {
    const { plot, merged } = boundedStackPlot(dense);
    expect(merged).toBe(3 * (1000 - 2 * SEGMENTS_PER_SIDE));
    plot.neurons.forEach((bounded, j) => {
      const original = dense.neurons[j]!;
      expect(bounded.weights).toHaveLength(2 * SEGMENTS_PER_SIDE + 2);
      const up = stackHeights(bounded).up;
      expect(up).toBeCloseTo(stackHeights(original).up, 9);
      expect(stackHeights(bounded).down).toBeCloseTo(stackHeights(original).down, 9);
      expect(carriedFeatures(bounded)).toBe(carriedFeatures(original));
      // Every kept positive weight is at least as large as any merged one.
      const kept = bounded.weights.filter((w) => w.merged === undefined && w.inWeight >= 0).map((w) => w.inWeight);
      const keptFeatures = new Set(bounded.weights.map((w) => w.feature));
      const mergedUp = original.weights.filter((w) => w.inWeight >= 0 && !keptFeatures.has(w.feature)).map((w) => w.inWeight);
      expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...mergedUp));
    });
  });

  it('draws the merged segment outermost, and its tooltip says how many features it stands for', () => {
    const { plot } = boundedStackPlot(dense);
    const column = stackLayout(plot, 300, 200).columns[0]!;
    const above = column.rects.filter((r) => r.inWeight >= 0);
    // Above the axis the outermost rect is the one with the smallest y.
    const outermost = above.reduce((a, b) => (b.y < a.y ? b : a));
    expect(outermost.merged).toBe(above.length === SEGMENTS_PER_SIDE + 1 ? outermost.merged : undefined);
    expect(outermost.feature).toBe(-1);
    expect(featureTooltip(outermost)).toMatch(/^\d+ smaller features together · in /);
  });

  it('leaves a model with few weights per neuron exactly as it was', () => {
    const sparse: StackPlotData = { neurons: [denseNeuron(0, SEGMENTS_PER_SIDE, 1)], superposition: [] };
    expect(boundedStackPlot(sparse)).toEqual({ plot: sparse, merged: 0 });
  });
});
