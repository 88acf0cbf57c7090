import { describe, expect, it } from 'vitest';
import { computeForward } from '../../../../src/model/analysis/computation';
import type { NetworkWeights } from '../../../../src/model/network';
import { computationLayout, featureAt, NARROW_WIDTH, spacedLabels, valueAt } from '../../../../src/viz/computation/computation-layout';
import { EXTRA_OUTPUTS, missLabels, outputsToShow, signed } from '../../../../src/viz/computation/computation-outputs';

// Three features, three neurons: neuron 0 reads +x0, neuron 1 reads −x0, neuron 2 reads x1 and −x2
// (so x2 > 0 pushes it below zero). Output 2 has a bias of 0.05.
const weights: NetworkWeights = {
  W1: [
    [1, 0, 0],
    [-1, 0, 0],
    [0, 1, -1],
  ],
  W2: [
    [1, 1, 0],
    [0, 0, 1],
    [0.5, 0, 0],
  ],
  b: [0, 0, 0.05],
};

describe('computationLayout', () => {
  const c = computeForward(weights, [
    { feature: 0, value: 0.8 },
    { feature: 2, value: 0.5 },
  ]);
  const layout = computationLayout(c, [2, 0, 1], 800);

  it('places neurons in the order given, and draws the ReLU: a negative pre-activation gets an empty bar', () => {
    expect(layout.columns.map((col) => col.neuron)).toEqual([2, 0, 1]);
    const [n2, n0, n1] = layout.columns;
    expect(n2!.preActivation).toBeCloseTo(-0.5, 12);
    expect(n2!.actH).toBe(0);
    expect(n0!.activation).toBeCloseTo(0.8, 12);
    expect(n0!.actH).toBeGreaterThan(0);
    // Neuron 1's −x0 term goes below the zero line; its pre-activation tick sits there too.
    expect(n1!.rects[0]!.y).toBeGreaterThanOrEqual(layout.hidden.top + layout.hidden.height / 2 - 1e-9);
    expect(n1!.preY).toBeGreaterThan(layout.hidden.top + layout.hidden.height / 2);
  });

  it('stacks contributions from the zero line, each as tall as its value', () => {
    const n0 = layout.columns[1]!;
    const zero = layout.hidden.top + layout.hidden.height / 2;
    const perUnit = layout.hidden.height / 2 / layout.hiddenMax;
    expect(n0.rects).toHaveLength(1);
    expect(n0.rects[0]!.h).toBeCloseTo(0.8 * perUnit, 9);
    expect(n0.rects[0]!.y + n0.rects[0]!.h).toBeCloseTo(zero, 9);
  });

  it('shows every output when wide, and its excess over the bias off the input', () => {
    expect(layout.allOutputs).toBe(true);
    const out2 = layout.outputs.find((o) => o.feature === 2)!;
    // Output 2 = ReLU(0.5 · 0.8 + 0.05) = 0.45 against a target of 0.5.
    expect(out2.output).toBeCloseTo(0.45, 12);
    expect(out2.excess).toBeCloseTo(-0.05, 12);
    const out1 = layout.outputs.find((o) => o.feature === 1)!;
    expect(out1.excess).toBe(0);
  });

  it('keeps the hidden range it is given', () => {
    expect(computationLayout(c, [], 800, { hiddenMax: 4 }).hiddenMax).toBe(4);
  });

  it('maps the strip back to features and values, clamped', () => {
    const mid = layout.input.top + layout.input.height / 2;
    expect(valueAt(layout, mid)).toBe(0);
    expect(valueAt(layout, layout.input.top)).toBe(1);
    expect(valueAt(layout, layout.input.top - 50)).toBe(1);
    expect(valueAt(layout, layout.input.top + layout.input.height)).toBe(-1);
    expect(featureAt(layout, -5)).toBe(0);
    expect(featureAt(layout, layout.innerW + 5)).toBe(2);
  });
});

describe('the outputs shown and labelled', () => {
  // 20 features: feature 0 active; output k > 0 rises by k/100 above a bias of 0.02.
  const n = 20;
  const wide: NetworkWeights = {
    W1: [Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0))],
    W2: Array.from({ length: n }, (_, i) => [i === 0 ? 1 : i / 100]),
    b: Array.from({ length: n }, (_, i) => (i === 0 ? 0 : 0.02)),
  };
  const c = computeForward(wide, [{ feature: 0, value: 1 }]);

  it('on a narrow figure: the active outputs and the largest interference elsewhere', () => {
    const shown = outputsToShow(c, EXTRA_OUTPUTS).map((o) => o.feature);
    expect(shown).toEqual([0, 14, 15, 16, 17, 18, 19]);
    const layout = computationLayout(c, [], NARROW_WIDTH - 1);
    expect(layout.narrow).toBe(true);
    expect(layout.allOutputs).toBe(false);
    expect(layout.outputs.map((o) => o.feature)).toEqual(shown);
  });

  it('does not count an output sitting at its bias as interference', () => {
    const atRest = computeForward(wide, []);
    expect(outputsToShow(atRest, EXTRA_OUTPUTS)).toEqual([]);
  });

  it('labels an active output only when it misses its target: one that hits it gets no "0.00"', () => {
    // Output 0 hits its target exactly here; with W2[0][0] = 0.9 it falls 0.10 short.
    expect(missLabels(computationLayout(c, [], 300).outputs, new Set([0]), 6.5).map((l) => l.feature)).toEqual([17, 18, 19]);
    const short = computeForward({ ...wide, W2: wide.W2.map((row, i) => (i === 0 ? [0.9] : row)) }, [{ feature: 0, value: 1 }]);
    const labels = missLabels(computationLayout(short, [], 300).outputs, new Set([0]), 6.5);
    expect(labels.map((l) => [l.feature, l.text])).toContainEqual([0, '−0.10']);
    expect(labels.map((l) => l.text)).not.toContain('0.00');
  });

  it('labels the missing active outputs and the three largest others, in rows that do not overlap', () => {
    const short = computeForward({ ...wide, W2: wide.W2.map((row, i) => (i === 0 ? [0.9] : row)) }, [{ feature: 0, value: 1 }]);
    const layout = computationLayout(short, [], 300);
    const labels = missLabels(layout.outputs, new Set([0]), 6.5);
    expect(labels.map((l) => l.feature)).toEqual([0, 17, 18, 19]);
    expect(labels.find((l) => l.feature === 19)!.text).toBe('+0.19');
    for (const row of new Set(labels.map((l) => l.row))) {
      const inRow = labels.filter((l) => l.row === row).sort((p, q) => p.x - q.x);
      for (let k = 1; k < inRow.length; k++) expect(inRow[k]!.x - (inRow[k - 1]!.x + inRow[k - 1]!.width)).toBeGreaterThanOrEqual(4);
    }
    // Each label's pole stands on its own output's centre.
    for (const l of labels) {
      const o = layout.outputs.find((s) => s.feature === l.feature)!;
      expect(l.anchor).toBeCloseTo(o.x + o.w / 2, 9);
    }
  });

  it('keeps every miss label inside the plot at a phone’s width, moving an end label inward', () => {
    const layout = computationLayout(c, [], 320);
    const labels = missLabels(layout.outputs, new Set([0]), 6.5, layout.innerW);
    for (const l of labels) {
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x + l.text.length * 6.5).toBeLessThanOrEqual(layout.innerW);
    }
    const widthOf = computationLayout(c, [], 320, { charWidth: 6.5 });
    expect(widthOf.labels.map(({ poleTo: _, ...l }) => l)).toEqual(labels);
    // Each pole runs down to just above its output.
    for (const l of widthOf.labels) {
      const o = widthOf.outputs.find((s) => s.feature === l.feature)!;
      expect(l.poleTo).toBeLessThan(Math.min(o.outY, o.targetY, o.missY));
    }
  });

  it('writes the input strip’s feature numbers only where they do not crowd the one before', () => {
    const at = (feature: number, x: number) => ({ feature, x });
    expect(spacedLabels([at(0, 1), at(3, 8), at(5, 12), at(9, 22), at(12, 30), at(30, 70)], 6.5).map((l) => l.feature)).toEqual([
      0, 5, 9, 30,
    ]);
    expect(spacedLabels([], 6.5)).toEqual([]);
  });

  it('counts the rows of miss labels, so the output band’s title can sit above them all', () => {
    const layout = computationLayout(c, [], 800);
    expect(layout.labelRows).toBe(layout.labels.reduce((rows, l) => Math.max(rows, l.row + 1), 0));
  });

  it('writes signed numbers with a true minus and no signed zero', () => {
    expect(signed(0.123)).toBe('+0.12');
    expect(signed(-0.05)).toBe('−0.05');
    expect(signed(-0.001)).toBe('0.00');
  });
});
