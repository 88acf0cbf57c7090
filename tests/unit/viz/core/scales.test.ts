import { describe, expect, it } from 'vitest';
import { estimateTextWidth, flowLegend } from '../../../../src/viz/core/legend-layout';
import { clampSuperposition, LEGEND_TICKS, NO_VALUE_COLOUR, superpositionColour } from '../../../../src/viz/stack-plot/superposition-scale';
import { placeTooltip } from '../../../../src/viz/core/tooltip';

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('superposition colour', () => {
  it('runs from dark at 0 to bright at 1 and saturates above', () => {
    expect(luminance(superpositionColour(0))).toBeLessThan(0.1);
    expect(luminance(superpositionColour(1))).toBeGreaterThan(0.7);
    expect(superpositionColour(3)).toBe(superpositionColour(1));
    expect(superpositionColour(-0.2)).toBe(superpositionColour(0));
    expect(clampSuperposition(0.4)).toBe(0.4);
  });

  it('is monotone in brightness', () => {
    const l = [0, 0.25, 0.5, 0.75, 1].map((s) => luminance(superpositionColour(s)));
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1]!);
  });

  it('greys out missing values', () => {
    expect(superpositionColour(undefined)).toBe(NO_VALUE_COLOUR);
    expect(superpositionColour(Number.NaN)).toBe(NO_VALUE_COLOUR);
  });

  it('labels the legend ends in words', () => {
    expect(LEGEND_TICKS[0]!.label).toBe('0 (orthogonal)');
    expect(LEGEND_TICKS[LEGEND_TICKS.length - 1]!.label).toBe('≥1');
  });
});

describe('legend flow', () => {
  it('wraps entries that do not fit', () => {
    expect(flowLegend([100, 100, 100], 250, 10).map((s) => [s.x, s.row])).toEqual([
      [0, 0],
      [110, 0],
      [0, 1],
    ]);
  });

  it('gives an over-wide entry its own row', () => {
    expect(flowLegend([400, 50], 300).map((s) => s.row)).toEqual([0, 1]);
    expect(estimateTextWidth('abcd')).toBeGreaterThan(estimateTextWidth('ab'));
  });
});

describe('tooltip placement', () => {
  it('centres above the anchor', () => {
    expect(placeTooltip(200, 100, 80, 30, 400)).toEqual({ left: 160, top: 60 });
  });

  it('stays inside the container and flips below near the top', () => {
    expect(placeTooltip(5, 10, 80, 30, 400)).toEqual({ left: 0, top: 20 });
    expect(placeTooltip(395, 100, 80, 30, 400).left).toBe(320);
    expect(placeTooltip(100, 100, 500, 30, 360).left).toBe(0);
  });
});
