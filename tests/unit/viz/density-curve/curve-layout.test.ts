/** The density curve's layout and words: columns by width, y ranges, and the text alternative. */
import { describe, expect, it } from 'vitest';
import { type CurveSample, curveLevels } from '../../../../src/model/curve';
import {
  CURVE_PANELS,
  curveColumns,
  curveYDomain,
  describeCurve,
  describeLevel,
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
    expect(describeLevel(levels[0]!)).toBe(
      '1 − S = 1, 3 seeds: monosemantic neurons 39 (38–40); features computed 21 (20–22); mean polysemanticity 0.10 (0.00–0.20); eval loss ÷ clean 20×2 loss 1.10 (1.00–1.20)',
    );
    expect(describeCurve(levels, [])).toMatch(
      /^Four panels against feature density 1 − S on a log axis from 1 to 0.001, 2 densities, median and min–max over 3 seeds/,
    );
    expect(describeCurve([], [])).toBe('The density curve has not loaded.');
  });
});
