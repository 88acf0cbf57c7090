import { describe, expect, it } from 'vitest';
import { stackLayout, type StackRect } from '../../../src/viz/stack-layout';
import { COLOUR_LEVELS, colourLevel, colourPaths } from '../../../src/viz/stack-paths';
import { NO_VALUE_COLOUR, superpositionColour } from '../../../src/viz/superposition-scale';
import type { StackPlotData, StackPlotNeuron } from '../../../src/viz/types';

const data: StackPlotData = {
  neurons: [
    { neuron: 4, polysemanticity: 0, kind: 'monosemantic', description: 'n4', weights: [{ feature: 0, inWeight: 1, outWeight: 1 }] },
    {
      neuron: 1,
      polysemanticity: 0.3,
      kind: 'polysemantic',
      description: 'n1',
      weights: [
        { feature: 1, inWeight: 1, outWeight: 1 },
        { feature: 2, inWeight: -0.5, outWeight: 1 },
        { feature: 3, inWeight: 0.2, outWeight: 1 },
      ],
    },
  ],
  superposition: [0, 2.5, 0.5, Number.NaN],
};
const layout = stackLayout(data, 200, 100);

describe('colourPaths', () => {
  const paths = colourPaths(layout.rects);

  it('draws every rectangle once, as one closed subpath in the path of its colour', () => {
    expect(paths.reduce((sum, p) => sum + (p.d.match(/z/g)?.length ?? 0), 0)).toBe(layout.rects.length);
    expect(paths.map((p) => p.level)).toEqual([-1, 0, colourLevel(0.5), COLOUR_LEVELS - 1]);
  });

  it('draws rects stacked next to each other in one colour as one subpath spanning them', () => {
    const neuron = (id: number, inWeights: number[]): StackPlotNeuron => ({
      neuron: id,
      polysemanticity: 0.5,
      kind: 'polysemantic',
      description: `n${id}`,
      weights: inWeights.map((inWeight, feature) => ({ feature, inWeight, outWeight: 1 })),
    });
    // Features 0–2 saturate the scale (one colour); feature 3 has none; 0, 1 and 3 stack up, 2 down.
    const merged = stackLayout(
      { neurons: [neuron(0, [0.5, 0.25, -0.5, 0.25]), neuron(1, [1, 0.5, 0, 0])], superposition: [2, 3, 4, 0] },
      200,
      100,
    );
    const saturated = colourPaths(merged.rects).find((p) => p.level === COLOUR_LEVELS - 1)!;
    const subpaths = saturated.d.split('z').filter(Boolean);
    const round = (v: number) => Math.round(v * 10) / 10;
    const rect = (column: number, feature: number) => merged.columns[column]!.rects.find((r) => r.feature === feature)!;
    const subpath = (top: StackRect, ...below: StackRect[]) =>
      `M${round(top.x)} ${round(top.y)}h${round(top.w)}v${round([top, ...below].reduce((sum, r) => sum + r.h, 0))}h${round(-top.w)}`;
    // Column 0: features 1 on 0 above the axis (one subpath), 2 below (another); column 1: 1 on 0 again.
    expect(subpaths).toEqual([subpath(rect(0, 1), rect(0, 0)), subpath(rect(0, 2)), subpath(rect(1, 1), rect(1, 0))]);
  });

  it('colours the ends of the scale exactly and a missing value grey', () => {
    expect(paths.find((p) => p.level === 0)!.colour).toBe(superpositionColour(0));
    expect(paths.find((p) => p.level === COLOUR_LEVELS - 1)!.colour).toBe(superpositionColour(1));
    expect(paths.find((p) => p.level === -1)!.colour).toBe(NO_VALUE_COLOUR);
  });

  it('a subpath traces its rectangle', () => {
    const r = layout.rects.find((q) => q.feature === 0)!;
    const round = (v: number) => Math.round(v * 10) / 10;
    expect(paths.find((p) => p.level === 0)!.d).toBe(`M${round(r.x)} ${round(r.y)}h${round(r.w)}v${round(r.h)}h${round(-r.w)}z`);
  });

  it('values between levels round to the nearest level, and values above 1 saturate', () => {
    expect(colourLevel(0.5 / (COLOUR_LEVELS - 1) - 1e-9)).toBe(0);
    expect(colourLevel(7)).toBe(COLOUR_LEVELS - 1);
    expect(colourLevel(undefined)).toBe(-1);
  });
});
