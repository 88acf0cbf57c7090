/** Legend rows for SVG legends, which do not wrap: entries flow left to right and wrap at the width. */
import { describe, expect, it } from 'vitest';
import { estimateTextWidth, flowLegend } from '../../../../src/viz/core/legend-layout';
import { lineLegendLayout } from '../../../../src/viz/core/line-legend';

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

describe('line legend layout', () => {
  it('sizes each entry as its swatch, a 4 px gap and its text, and counts the rows it fills', () => {
    const entries = [
      { id: 'a', label: 'median of the seeds', colour: '#000' },
      { id: 'b', label: 'min–max over seeds', colour: '#000', shape: 'band' as const },
    ];
    const wide = lineLegendLayout(entries, 1000, 18);
    expect(wide.rows).toBe(1);
    expect(wide.slots[1]?.x).toBeCloseTo(18 + 4 + estimateTextWidth('median of the seeds') + 14);
    expect(lineLegendLayout(entries, 200, 18).rows).toBe(2);
    expect(lineLegendLayout([], 200, 18).rows).toBe(0);
  });
});
