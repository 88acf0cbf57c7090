import { describe, expect, it } from 'vitest';
import {
  neuronTicks,
  stackDomain,
  stackHeights,
  stackLayout,
  describeStackPlot,
  carriedFeatures,
} from '../../../../src/viz/stack-plot/stack-layout';
import { featureTooltip } from '../../../../src/viz/stack-plot/stack-tooltip';
import { highlightLabels } from '../../../../src/viz/stack-plot/highlight-labels';
import { analyseModel } from '../../../../src/model/analysis';
import type { StackPlotData, StackPlotNeuron } from '../../../../src/viz/core/types';

function neuron(index: number, inWeights: readonly number[], extra: Partial<StackPlotNeuron> = {}): StackPlotNeuron {
  return {
    neuron: index,
    polysemanticity: 0,
    kind: 'monosemantic',
    description: `neuron ${index}`,
    weights: inWeights.map((w, feature) => ({ feature, inWeight: w, outWeight: 2 * w })),
    ...extra,
  };
}

const data: StackPlotData = {
  neurons: [neuron(7, [1, 0, 0]), neuron(3, [0.5, -1, 0.25]), neuron(5, [0, 0, -1])],
  superposition: [0, 0.4, 1.7],
};

describe('stackLayout', () => {
  const layout = stackLayout(data, 300, 200);
  const rect = (neuronIndex: number, feature: number) => layout.rects.find((r) => r.neuron === neuronIndex && r.feature === feature)!;

  it('a positive weight stacks above the axis', () => {
    const r = rect(7, 0);
    expect(r.y + r.h).toBeCloseTo(layout.axisY);
    expect(r.y).toBeLessThan(layout.axisY);
  });

  it('a negative weight stacks below the axis', () => {
    const r = rect(5, 2);
    expect(r.y).toBeCloseTo(layout.axisY);
    expect(r.h).toBeGreaterThan(0);
  });

  it("a column's stacked height equals the sum of |weights|", () => {
    const column = layout.columns.find((c) => c.neuron === 3)!;
    const total = column.rects.reduce((sum, r) => sum + r.h, 0);
    expect(total).toBeCloseTo((0.5 + 1 + 0.25) * layout.pxPerUnit);
    expect(column.bottom - column.top).toBeCloseTo(total);
  });

  it('stacks each side by size, the largest at the axis, without gaps or overlaps', () => {
    // Neuron 3 reads [0.5, −1, 0.25]: up, feature 0 (0.5) at the axis and feature 2 (0.25) on top of it.
    const column = layout.columns[1]!;
    const byFeature = (f: number) => column.rects.find((r) => r.feature === f)!;
    expect(column.rects.map((r) => r.feature)).toEqual([1, 0, 2]);
    expect(byFeature(0).y + byFeature(0).h).toBeCloseTo(layout.axisY);
    expect(byFeature(2).y + byFeature(2).h).toBeCloseTo(byFeature(0).y);
    expect(byFeature(1).y).toBeCloseTo(layout.axisY);
  });

  it('keeps the given neuron order left to right and the model index on each rect', () => {
    expect(layout.columns.map((c) => c.neuron)).toEqual([7, 3, 5]);
    const xs = layout.columns.map((c) => c.x);
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
    expect(layout.rects.every((r) => r.x === layout.columns[r.column]!.x)).toBe(true);
  });

  it('fits every column inside the width and every rect inside the height', () => {
    for (const c of layout.columns) {
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.x + c.w).toBeLessThanOrEqual(300 + 1e-9);
    }
    for (const r of layout.rects) {
      expect(r.y).toBeGreaterThanOrEqual(-1e-9);
      expect(r.y + r.h).toBeLessThanOrEqual(200 + 1e-9);
    }
  });

  it('carries the feature superposition and the weights onto each rect', () => {
    expect(rect(3, 2).superposition).toBe(1.7);
    expect(rect(3, 1).inWeight).toBe(-1);
    expect(rect(3, 1).outWeight).toBe(-2);
  });

  it('orders rects by size, ties by feature index, whatever the input order', () => {
    const shuffled: StackPlotData = {
      neurons: [
        {
          ...neuron(0, []),
          weights: [
            [2, 0.5],
            [0, 0.5],
            [1, 1],
            [3, 0.2],
          ].map(([f, w]) => ({ feature: f!, inWeight: w!, outWeight: 1 })),
        },
      ],
      superposition: [0, 0, 0, 0],
    };
    const rects = stackLayout(shuffled, 100, 100).rects;
    expect(rects.map((r) => r.feature)).toEqual([1, 0, 2, 3]);
    expect(rects[0]!.y).toBeGreaterThan(rects[3]!.y);
  });

  it('counts the features that carry at least 10 % of a neuron’s largest weight', () => {
    expect(carriedFeatures(neuron(0, [1, -0.5, 0.1, 0.099, -0.02]))).toBe(3);
    expect(layout.columns.map((c) => c.carried)).toEqual([1, 3, 1]);
  });

  it('clips an outlier stack at a robust range and gives its true height', () => {
    // Nineteen neurons stack to about 1.2, one to 5: the range is 1.5, not 5, and only that one is clipped.
    const neurons = Array.from({ length: 19 }, (_, k) => neuron(k, [1, 0.2]));
    neurons.push(neuron(19, [1, 1, 1, 1, 1, -0.3]));
    const clipped = stackLayout({ neurons, superposition: Array(6).fill(0), yMax: 5 }, 400, 200);
    expect(clipped.yMax).toBe(1.5);
    expect(clipped.clipped).toBe(true);
    const outlier = clipped.columns[19]!;
    expect(outlier.clipped).toEqual({ up: 5, down: null });
    expect(outlier.top).toBeCloseTo(0);
    expect(clipped.columns[0]!.clipped).toEqual({ up: null, down: null });
    for (const r of clipped.rects) {
      expect(r.y).toBeGreaterThanOrEqual(-1e-9);
      expect(r.y + r.h).toBeLessThanOrEqual(200 + 1e-9);
    }
    // Drawn while training (model order), the steady range holds and nothing is clipped.
    const steady = stackLayout({ neurons, superposition: Array(6).fill(0), yMax: 5, order: 'neuron' }, 400, 200);
    expect(steady.yMax).toBe(5);
    expect(steady.clipped).toBe(false);
  });

  it('treats non-finite weights as zero height', () => {
    const odd: StackPlotData = { neurons: [neuron(0, [Number.NaN, 1])], superposition: [0, 0] };
    const nan = stackLayout(odd, 100, 100).rects.find((r) => r.feature === 0)!;
    expect(nan.h).toBe(0);
    expect(Number.isFinite(nan.y)).toBe(true);
  });

  it('lays out no neurons as nothing', () => {
    const empty = stackLayout({ neurons: [], superposition: [] }, 300, 200);
    expect(empty.columns).toEqual([]);
    expect(empty.rects).toEqual([]);
    expect(empty.yMax).toBe(1);
  });
});

describe('stackDomain', () => {
  it('is the tallest stack on either side', () => {
    expect(stackDomain({ neurons: [neuron(0, [1, 0.8]), neuron(1, [-1, -0.9, -0.6])], superposition: [] })).toBeCloseTo(2.5);
  });

  it('is at least 1', () => {
    expect(stackDomain({ neurons: [neuron(0, [0.2])], superposition: [] })).toBe(1);
  });

  it('splits heights by sign', () => {
    expect(stackHeights(neuron(0, [1, -0.5, 0.25, -0.25]))).toEqual({ up: 1.25, down: 0.75 });
  });
});

describe('highlightLabels', () => {
  it('labels only highlighted columns, hanging labels at the edges inward', () => {
    const d: StackPlotData = {
      neurons: Array.from({ length: 10 }, (_, i) => neuron(i, [1], i === 0 || i === 9 ? { highlight: 'motif 1: asymmetric' } : {})),
      superposition: [0],
    };
    const labels = highlightLabels(stackLayout(d, 200, 100), 200, 6);
    expect(labels.map((l) => [l.neuron, l.anchor])).toEqual([
      [0, 'start'],
      [9, 'end'],
    ]);
  });

  it('moves overlapping labels to a new row', () => {
    const d: StackPlotData = {
      neurons: Array.from({ length: 40 }, (_, i) =>
        neuron(i, [1], i === 20 || i === 21 ? { highlight: `motif 1: ${i === 20 ? 'asymmetric' : 'inhibition'}` } : {}),
      ),
      superposition: [0],
    };
    const labels = highlightLabels(stackLayout(d, 400, 100), 400, 6);
    expect(labels.map((l) => l.row)).toEqual([0, 1]);
  });
});

describe('highlight labels on a narrow plot', () => {
  it('switches to the short labels where the long ones would need more than two rows, each with its column below it', () => {
    const labelled = [3, 13, 23, 33];
    const d: StackPlotData = {
      neurons: Array.from({ length: 40 }, (_, i) =>
        neuron(i, [1], labelled.includes(i) ? { highlight: `neuron ${i}: motif 1, asymmetric`, highlightShort: `${i} · A1` } : {}),
      ),
      superposition: [0],
    };
    const wide = highlightLabels(stackLayout(d, 1000, 100), 1000, 6.4);
    expect(wide.map((l) => l.text)).toEqual(labelled.map((i) => `neuron ${i}: motif 1, asymmetric`));
    const narrow = stackLayout(d, 330, 100);
    const labels = highlightLabels(narrow, 330, 6.4);
    expect(labels.map((l) => l.text)).toEqual(labelled.map((i) => `${i} · A1`));
    expect(Math.max(...labels.map((l) => l.row))).toBeLessThanOrEqual(1);
    labels.forEach((l) => {
      const column = narrow.columns.find((c) => c.neuron === l.neuron)!;
      expect(l.columnX).toBeCloseTo(column.x + column.w / 2);
    });
  });
});

describe('neuronTicks', () => {
  it('numbers every column where there is room, else every second, fifth … column', () => {
    const d: StackPlotData = { neurons: Array.from({ length: 40 }, (_, i) => neuron(39 - i, [1])), superposition: [0] };
    expect(neuronTicks(stackLayout(d, 800, 100)).map((t) => t.neuron)).toHaveLength(40);
    const narrow = neuronTicks(stackLayout(d, 330, 100));
    expect(narrow.map((t) => t.neuron)).toEqual([39, 37, 35, 33, 31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1]);
    expect(neuronTicks(stackLayout({ neurons: [], superposition: [] }, 300, 100))).toEqual([]);
  });
});

describe('text', () => {
  it('formats the tooltip of a rect with true minus signs', () => {
    expect(featureTooltip({ feature: 4, inWeight: -0.5, outWeight: 1.234, superposition: 0.05 })).toBe(
      'feature 4 · in −0.50 · out 1.23 · superposition 0.05',
    );
  });

  it('says "not represented" in the tooltip of a feature without a superposition score, never NaN', () => {
    expect(featureTooltip({ feature: 9, inWeight: 0.01, outWeight: 0, superposition: Number.NaN })).toBe(
      'feature 9 · in 0.01 · out 0.00 · superposition not represented',
    );
  });

  it('counts only represented features in the superposition sentence: a model with zero columns', () => {
    // Features 0 and 1 share both neurons (in superposition); features 2 and 3 have zero columns.
    const W1 = [
      [1, 1, 0, 0],
      [1, -1, 0, 0],
    ];
    const W2 = [
      [1, 1],
      [1, -1],
      [0, 0],
      [0, 0],
    ];
    const analysis = analyseModel({ W1, W2, b: [0, 0, 0, 0] }, [1, 1, 1, 1]);
    const d: StackPlotData = {
      neurons: analysis.neurons.map((a) => neuron(a.neuron, W1[a.neuron]!, { kind: a.kind })),
      superposition: analysis.features.map((f) => f.superposition ?? Number.NaN),
    };
    expect(d.superposition.map(Number.isFinite)).toEqual([true, true, false, false]);
    expect(describeStackPlot(d)).toMatch(/ 0 of 2 represented features have superposition of at least 0\.5\.$/);
    const one: StackPlotData = { neurons: d.neurons, superposition: [0.7, Number.NaN, Number.NaN] };
    expect(describeStackPlot(one)).toMatch(/ 1 of 1 represented feature has superposition of at least 0\.5\.$/);
  });

  it('summarises the counts for screen readers', () => {
    const d: StackPlotData = {
      neurons: [neuron(0, [1]), neuron(1, [1], { kind: 'polysemantic', highlight: 'motif 1: asymmetric' })],
      superposition: [0, 0.6, 1.2],
    };
    expect(describeStackPlot(d)).toBe(
      '2 neurons, 1 monosemantic and 1 polysemantic. 2 of 3 represented features have superposition of at least 0.5. Highlighted: neuron 1 (motif 1: asymmetric).',
    );
  });

  it('counts a dead neuron as dead, not as polysemantic', () => {
    // Neurons 0 and 2 read features 0 and 1 and write them back; neuron 1 reads feature 0 but writes nothing.
    const W1 = [
      [1, 0, 0, 0],
      [-1, 0, 0, 0],
      [0, 1, 0, 0],
    ];
    const W2 = [
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
    ];
    const analysis = analyseModel({ W1, W2, b: [0, 0, 0, 0] }, [1, 1, 1, 1]);
    const d: StackPlotData = {
      neurons: analysis.neurons.map((a) => neuron(a.neuron, W1[a.neuron]!, { kind: a.kind })),
      superposition: analysis.features.map((f) => f.superposition ?? Number.NaN),
    };
    expect(describeStackPlot(d)).toMatch(/^3 neurons: 2 monosemantic, 0 polysemantic and 1 dead\. /);
    const mixed: StackPlotData = {
      neurons: [neuron(0, [1]), neuron(1, [1, 0.5], { kind: 'polysemantic' }), neuron(2, [], { kind: 'dead' })],
      superposition: [0, 0],
    };
    expect(describeStackPlot(mixed)).toBe(
      '3 neurons: 1 monosemantic, 1 polysemantic and 1 dead. 0 of 2 represented features have superposition of at least 0.5.',
    );
  });
});
