import { describe, expect, it } from 'vitest';
import { featureColour, UNKNOWN_FEATURE_COLOUR } from '../../../../src/viz/core/feature-colours';
import type { StackPlotData } from '../../../../src/viz/core/types';
import {
  featureFill,
  featureLegendEntries,
  featureLegendLayout,
  featuresPresent,
  fillFor,
} from '../../../../src/viz/stack-plot/stack-colouring';
import { stackLayout, type StackRect } from '../../../../src/viz/stack-plot/stack-layout';
import { COLOUR_LEVELS, colourLevel, colourPaths, superpositionFill } from '../../../../src/viz/stack-plot/stack-paths';
import { superpositionColour } from '../../../../src/viz/stack-plot/superposition-scale';

const data: StackPlotData = {
  neurons: [
    { neuron: 0, polysemanticity: 0, kind: 'monosemantic', description: 'n0', weights: [{ feature: 2, inWeight: 1, outWeight: 1 }] },
    {
      neuron: 1,
      polysemanticity: 0.4,
      kind: 'polysemantic',
      description: 'n1',
      weights: [
        { feature: 12, inWeight: 1, outWeight: 1 },
        { feature: 2, inWeight: -0.5, outWeight: 1 },
        { feature: 0, inWeight: 0.3, outWeight: 1 },
        { feature: 5, inWeight: 0, outWeight: 1 },
        { feature: 9, inWeight: Number.NaN, outWeight: 1 },
      ],
    },
  ],
  // Feature 2 and feature 12 share a superposition level: only the feature colouring tells them apart.
  superposition: [0.1, 0, 0.9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.9],
};
const layout = stackLayout(data, 200, 100);

describe('stack plot colourings', () => {
  it('fills a segment with its feature’s colour under the feature colouring, its superposition’s otherwise', () => {
    const rect = layout.rects.find((r) => r.feature === 12)!;
    expect(fillFor('feature')(rect)).toEqual({ key: 12, colour: featureColour(12) });
    const level = colourLevel(0.9);
    expect(fillFor('superposition')(rect)).toEqual({ key: level, colour: superpositionColour(level / (COLOUR_LEVELS - 1)) });
    expect(fillFor('superposition')).toBe(superpositionFill);
    expect(featureFill({ ...rect, feature: -1 } as StackRect)).toEqual({ key: -1, colour: UNKNOWN_FEATURE_COLOUR });
  });

  it('keeps one feature in one colour across neurons, and two features of one superposition apart', () => {
    const byFeature = colourPaths(layout.rects, featureFill);
    const drawn = layout.rects.filter((r) => r.h > 0);
    expect(byFeature.map((p) => p.level)).toEqual([...new Set(drawn.map((r) => r.feature))].sort((a, b) => a - b));
    // Feature 2 is drawn in both neurons: one path, two subpaths.
    expect(byFeature.find((p) => p.level === 2)?.d.match(/z/g)).toHaveLength(2);
    expect(byFeature.find((p) => p.level === 2)?.colour).toBe(featureColour(2));
    const bySuperposition = colourPaths(layout.rects);
    expect(bySuperposition.length).toBeLessThan(byFeature.length);
  });
});

describe('feature legend', () => {
  it('lists the features a plot draws: finite, non-zero weights only', () => {
    expect(featuresPresent([data])).toEqual([0, 2, 12]);
    expect(
      featuresPresent([data, { neurons: [{ ...data.neurons[0]!, weights: [{ feature: 7, inWeight: -0.2, outWeight: 0 }] }] }]),
    ).toEqual([0, 2, 7, 12]);
    expect(featuresPresent([])).toEqual([]);
  });

  it('gives each distinct-hue feature an entry and the muted ones one shared entry with their hues', () => {
    expect(featureLegendEntries([0, 2, 12])).toEqual([
      { label: '0', colours: [featureColour(0)] },
      { label: '2', colours: [featureColour(2)] },
      { label: '≥10, muted', colours: [featureColour(12)] },
    ]);
    const muted = featureLegendEntries([11, 21, 13]);
    expect(muted).toEqual([{ label: '≥10, muted', colours: [featureColour(11), featureColour(13)] }]);
    expect(featureLegendEntries([])).toEqual([]);
  });

  it('wraps its entries into rows that fit the width, and grows with them', () => {
    const entries = featureLegendEntries([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15]);
    const wide = featureLegendLayout(entries, 1000);
    expect(new Set(wide.entries.map((e) => e.row))).toEqual(new Set([0]));
    const narrow = featureLegendLayout(entries, 200);
    expect(Math.max(...narrow.entries.map((e) => e.row))).toBeGreaterThan(0);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const e of narrow.entries) expect(e.x === 0 || e.x + e.width <= 200).toBe(true);
    expect(featureLegendLayout([], 200).entries).toEqual([]);
  });
});
