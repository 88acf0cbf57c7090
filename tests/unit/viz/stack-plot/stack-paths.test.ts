import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stackPlotData } from '../../../../src/article/figures/figure-data';
import { analyseFile } from '../../../../src/article/shipped/shipped-models';
import { parseWeightsFile } from '../../../../src/model/weights-file';
import { stackLayout, stackPlotArea, type StackRect } from '../../../../src/viz/stack-plot/stack-layout';
import { COLOUR_LEVELS, colourLevel, colourPaths, EDGE_MAX_FRACTION, EDGE_PX, edgeGap } from '../../../../src/viz/stack-plot/stack-paths';
import { NO_VALUE_COLOUR, superpositionColour } from '../../../../src/viz/stack-plot/superposition-scale';
import type { StackPlotData, StackPlotNeuron } from '../../../../src/viz/core/types';

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

  it('draws rects stacked next to each other in one colour as separate segments, each short of its outer end by an edge', () => {
    const neuron = (id: number, inWeights: number[]): StackPlotNeuron => ({
      neuron: id,
      polysemanticity: 0.5,
      kind: 'polysemantic',
      description: `n${id}`,
      weights: inWeights.map((inWeight, feature) => ({ feature, inWeight, outWeight: 1 })),
    });
    // Features 0–2 saturate the scale (one colour); feature 3 has none; 0, 1 and 3 stack up, 2 down.
    const same = stackLayout({ neurons: [neuron(0, [0.5, 0.25, -0.5, 0.25])], superposition: [2, 3, 4, 0] }, 200, 100);
    const saturated = colourPaths(same.rects).find((p) => p.level === COLOUR_LEVELS - 1)!;
    const subpaths = saturated.d.split('z').filter(Boolean);
    const round = (v: number) => Math.round(v * 10) / 10;
    const rect = (feature: number) => same.columns[0]!.rects.find((r) => r.feature === feature)!;
    const up = (r: StackRect) => `M${round(r.x)} ${round(r.y + edgeGap(r.h))}h${round(r.w)}v${round(r.h - edgeGap(r.h))}h${round(-r.w)}`;
    const down = (r: StackRect) => `M${round(r.x)} ${round(r.y)}h${round(r.w)}v${round(r.h - edgeGap(r.h))}h${round(-r.w)}`;
    expect([...subpaths].sort()).toEqual([up(rect(0)), up(rect(1)), down(rect(2))].sort());
    // The edge is a visible gap between neighbours of one colour, and never most of a thin segment.
    expect(edgeGap(10)).toBe(EDGE_PX);
    expect(edgeGap(0.5)).toBeCloseTo(0.5 * EDGE_MAX_FRACTION);
  });

  it('colours the ends of the scale exactly and a missing value grey', () => {
    expect(paths.find((p) => p.level === 0)!.colour).toBe(superpositionColour(0));
    expect(paths.find((p) => p.level === COLOUR_LEVELS - 1)!.colour).toBe(superpositionColour(1));
    expect(paths.find((p) => p.level === -1)!.colour).toBe(NO_VALUE_COLOUR);
  });

  it('a subpath traces its rectangle less the edge at its outer end', () => {
    const r = layout.rects.find((q) => q.feature === 0)!;
    const round = (v: number) => Math.round(v * 10) / 10;
    const gap = edgeGap(r.h);
    expect(paths.find((p) => p.level === 0)!.d).toBe(
      `M${round(r.x)} ${round(r.y + gap)}h${round(r.w)}v${round(r.h - gap)}h${round(-r.w)}z`,
    );
  });

  it('values between levels round to the nearest level, and values above 1 saturate', () => {
    expect(colourLevel(0.5 / (COLOUR_LEVELS - 1) - 1e-9)).toBe(0);
    expect(colourLevel(7)).toBe(COLOUR_LEVELS - 1);
    expect(colourLevel(undefined)).toBe(-1);
  });
});

describe('segments of the shipped sparsest model', () => {
  const shipped = analyseFile(
    parseWeightsFile(JSON.parse(readFileSync(new URL('../../../../public/weights/sweep.json', import.meta.url), 'utf8'))),
  );
  const model = shipped.models.find((m) => m.density === 0.001)!;
  const plot = stackPlotData(model.analysis);
  // A sweep panel on a 1280 px desktop: four panels of about 260 px to a row.
  const { innerW, innerH } = stackPlotArea(260, true, 0);
  const drawn = stackLayout(plot, innerW, innerH);

  /** Every drawn segment: its column (from x), top and height, px. */
  const segments = colourPaths(drawn.rects).flatMap((p) =>
    [...p.d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h-?[\d.]+z/g)].map((m) => ({
      column: Math.floor(Number(m[1]) / drawn.slot),
      top: Number(m[2]),
      h: Number(m[4]),
    })),
  );

  it('a column with k features above 0.1 of its largest weight shows k visible segments, each with its own edge', () => {
    let checked = 0;
    for (const column of drawn.columns) {
      const k = column.source.weights.filter((w) => Math.abs(w.inWeight) >= 0.1).length;
      const own = segments.filter((s) => s.column === column.column);
      // Every weight drawn is a segment of its own, and no two overlap (to the 0.1 px coordinates are written with).
      expect(own).toHaveLength(column.rects.filter((r) => r.h > 0).length);
      const sorted = [...own].sort((a, b) => a.top - b.top);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.top).toBeGreaterThanOrEqual(sorted[i - 1]!.top + sorted[i - 1]!.h - 0.11);
      // The k large features: each is a segment at least half a pixel tall (1.5 px at 3× zoom) with an edge of at least 0.2 px.
      const large = column.rects.filter((r) => Math.abs(r.inWeight) >= 0.1);
      const shown = large.filter((r) => {
        const gap = edgeGap(r.h);
        const top = Math.round((r.inWeight >= 0 ? r.y + gap : r.y) * 10) / 10;
        const segment = own.find((s) => s.top === top);
        return segment !== undefined && segment.h >= 0.5 && gap >= 0.2;
      });
      expect(shown).toHaveLength(k);
      if (k > 5) checked++;
    }
    // The sparsest model's neurons read many features each: the test is not vacuous.
    expect(checked).toBeGreaterThan(10);
  });
});
