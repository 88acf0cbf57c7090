/** The density curve's layout and words: columns by width, y ranges, and the text alternative. */
import { describe, expect, it } from 'vitest';
import { type CurveSample, curveLevels } from '../../../../src/model/curve';
import {
  CURVE_PANELS,
  columnAfterKey,
  curveColumns,
  curveGrid,
  curveGridFor,
  curveLegendEntries,
  curveLegendHeight,
  curveYDomain,
  describeCurve,
  describeLevel,
  hitColumns,
  PANEL_GAP,
  PANEL_HEIGHT,
  PANEL_MARGIN,
  panelOrigin,
  panelTitleLines,
  TITLE_LINE,
  sparsestDensity,
  zeroOverCleanRange,
} from '../../../../src/viz/density-curve/curve-layout';

const sample = (density: number, seed: number, lossOverClean: number | null): CurveSample => ({
  density,
  seed,
  neurons: 40,
  monosemantic: 40 - seed,
  polysemantic: seed,
  featuresComputed: 20 + seed,
  featuresOneSide: 21 + seed,
  meanPolysemanticity: 0.1 * seed,
  lossOverClean,
  lossOverZero: lossOverClean === null ? null : lossOverClean / 100,
});
const levels = curveLevels([0, 1, 2].flatMap((seed) => [sample(1, seed, 1 + seed / 10), sample(0.001, seed, 0.3)]));
const panel = (metric: string) => CURVE_PANELS.find((p) => p.metric === metric)!;

describe('curve layout', () => {
  it('puts two panels side by side from 560 px', () => {
    expect(curveColumns(390)).toBe(1);
    expect(curveColumns(559)).toBe(1);
    expect(curveColumns(560)).toBe(2);
  });

  it('spans counts from 0, the score over [0, 1], and the loss ratio around the data with 1 inside', () => {
    expect(curveYDomain(panel('monosemantic'), [levels])).toEqual([0, 40]);
    expect(curveYDomain(panel('featuresComputed'), [levels])).toEqual([0, 30]);
    expect(curveYDomain(panel('meanPolysemanticity'), [levels])).toEqual([0, 1]);
    const [low, high] = curveYDomain(panel('lossOverClean'), [levels]);
    expect(low).toBeCloseTo(0.3 / 1.3);
    expect(high).toBeCloseTo(1.2 * 2.2);
    expect(zeroOverCleanRange(levels)).toEqual([100, 100]);
  });

  it('raises the features panel to hold the line of features with one sign or both', () => {
    const sparse = curveLevels([{ ...sample(0.001, 0, 0.3), featuresComputed: 28, featuresOneSide: 37 }]);
    expect(curveYDomain(panel('featuresComputed'), [levels, sparse])).toEqual([0, 40]);
  });

  it('says each level’s medians and ranges, and what the whole figure shows', () => {
    // One density alone, so that no run's loss is far above its neighbours' (curve-outliers.test.ts has those).
    const dense = curveLevels([0, 1, 2].map((seed) => sample(1, seed, 1 + seed / 10)));
    expect(describeLevel(dense[0]!)).toBe(
      '1 − S = 1, 3 seeds: monosemantic neurons 39 (38–40); features computed 21 (20–22); mean polysemanticity 0.10 (0.00–0.20); eval loss ÷ clean 20×2 loss 1.10 (1.00–1.20).',
    );
    expect(describeCurve(levels, [])).toMatch(
      /^Four panels against feature density 1 − S on a log axis from 1 to 0.001, 2 densities, median and min–max over 3 seeds/,
    );
    expect(describeCurve([], [])).toBe('The density curve has not loaded.');
  });
});

describe('where the curve’s panels and columns go', () => {
  it('stacks the four panels in one column on a phone and in a 2 × 2 grid on a desktop', () => {
    const phone = curveGrid(390);
    const rowHeight = PANEL_MARGIN.top + PANEL_HEIGHT + PANEL_MARGIN.bottom;
    expect(phone).toEqual({ columns: 1, panelWidth: 390, innerWidth: 390 - 60, top: PANEL_MARGIN.top, rowHeight, height: 4 * rowHeight });
    expect(panelOrigin(3, phone)).toEqual({ x: PANEL_MARGIN.left, y: 3 * rowHeight + PANEL_MARGIN.top });
    const desktop = curveGrid(1118);
    expect(desktop.columns).toBe(2);
    expect(desktop.panelWidth).toBe(550);
    expect(desktop.height).toBe(2 * rowHeight);
    expect(panelOrigin(1, desktop)).toEqual({ x: 550 + PANEL_GAP + PANEL_MARGIN.left, y: PANEL_MARGIN.top });
    expect(panelOrigin(2, desktop)).toEqual({ x: PANEL_MARGIN.left, y: rowHeight + PANEL_MARGIN.top });
  });

  it('wraps a title that does not fit and writes the loss panel’s dashed line under its title, off the data', () => {
    const [mono, , poly, loss] = CURVE_PANELS;
    expect(panelTitleLines(mono!, 288, null)).toEqual(['monosemantic neurons (of 40)']);
    const polyLines = panelTitleLines(poly!, 288, null);
    expect(polyLines.length).toBe(2);
    expect(polyLines.join(' ')).toBe(poly!.title);
    for (const line of polyLines) expect(line.length * 6.8).toBeLessThanOrEqual(288 - PANEL_MARGIN.left);
    expect(panelTitleLines(loss!, 550, [87, 347])).toEqual([
      'eval loss ÷ clean 20×2 loss (log)',
      'dashed: clean 20×2 = 1; zero model 87–347×',
    ]);
    const narrow = panelTitleLines(loss!, 288, [87, 347]);
    expect(narrow.slice(1).join(' ')).toBe('dashed: clean 20×2 = 1; zero model 87–347×');
    for (const line of narrow) expect(line.length * 6.8).toBeLessThanOrEqual(288 - PANEL_MARGIN.left);
    // Every panel gets room for the most lines any panel needs.
    const grid = curveGridFor(288, [87, 347]);
    expect(grid.top).toBe(PANEL_MARGIN.top + (Math.max(narrow.length, polyLines.length) - 1) * TITLE_LINE);
    expect(panelOrigin(0, grid).y).toBe(grid.top);
  });

  it('names the slider’s rule in the legend, not beside the rule', () => {
    expect(curveLegendEntries(true, 0.03).at(-1)).toMatchObject({ id: 'slider', label: 'slider: 0.03' });
    expect(curveLegendEntries(true, null).some((e) => e.id === 'slider')).toBe(false);
  });

  it('keeps a plot area of at least 80 px however narrow the figure', () => {
    expect(curveGrid(50).innerWidth).toBe(80);
  });

  it('reaches from 1 to the sparsest of the levels and the paper’s densities', () => {
    expect(sparsestDensity(levels, [0.3, 0.003])).toBe(0.001);
    expect(sparsestDensity([], [0.3, 0.003])).toBe(0.003);
    expect(sparsestDensity([], [])).toBe(1);
  });

  it('gives each density a column reaching halfway to its neighbours, the ends 6 px past their density', () => {
    const three = curveLevels([1, 0.1, 0.01].map((d) => sample(d, 0, 1)));
    const x = (d: number) => -Math.log10(d) * 100;
    expect(hitColumns(three, x).map((c) => [c.level.density, c.left, c.right])).toEqual([
      [1, -6, 50],
      [0.1, 50, 150],
      [0.01, 150, 206],
    ]);
    expect(hitColumns([], x)).toEqual([]);
  });

  it('moves along the columns with the arrow keys, jumps with Home and End, and stops at the ends', () => {
    expect(columnAfterKey('ArrowRight', 2, 5)).toBe(3);
    expect(columnAfterKey('ArrowDown', 4, 5)).toBe(4);
    expect(columnAfterKey('ArrowLeft', 0, 5)).toBe(0);
    expect(columnAfterKey('ArrowUp', 3, 5)).toBe(2);
    expect(columnAfterKey('Home', 3, 5)).toBe(0);
    expect(columnAfterKey('End', 1, 5)).toBe(4);
    expect(columnAfterKey('Enter', 1, 5)).toBeNull();
  });

  it('lists the replication budget in the legend only where it is drawn, the band as a band swatch', () => {
    expect(curveLegendEntries(false).map((e) => e.id)).toEqual(['median', 'band', 'one-side']);
    const entries = curveLegendEntries(true);
    expect(entries.map((e) => e.id)).toEqual(['median', 'band', 'one-side', 'replication']);
    expect(entries.find((e) => e.id === 'band')?.shape).toBe('band');
    expect(curveLegendHeight(1)).toBe(22);
    expect(curveLegendHeight(3)).toBeGreaterThan(curveLegendHeight(2));
  });
});
