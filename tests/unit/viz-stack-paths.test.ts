import { describe, expect, it } from 'vitest';
import { stackLayout } from '../../src/viz/stack-layout';
import { COLOUR_LEVELS, colourLevel, colourPaths, rectAt } from '../../src/viz/stack-paths';
import { NO_VALUE_COLOUR, superpositionColour } from '../../src/viz/superposition-scale';
import type { StackPlotData } from '../../src/viz/types';

const data: StackPlotData = {
  neurons: [
    { neuron: 4, polysemanticity: 0, monosemantic: true, summary: 'n4', weights: [{ feature: 0, inWeight: 1, outWeight: 1 }] },
    {
      neuron: 1,
      polysemanticity: 0.3,
      monosemantic: false,
      summary: 'n1',
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

describe('rectAt', () => {
  it('finds the rectangle under a height, above and below the axis, and nothing in empty space', () => {
    const column = layout.columns[1]!;
    for (const r of column.rects) expect(rectAt(column, r.y + r.h / 2)?.feature).toBe(r.feature);
    expect(rectAt(column, column.top - 5)).toBeUndefined();
    expect(rectAt(column, column.bottom + 5)).toBeUndefined();
  });
});
