import { describe, expect, it } from 'vitest';
import { contrastOnWhite, drawablePoints, lossDomains, describeLossChart, seriesColour } from '../../../../src/viz/loss-chart/loss-layout';

describe('loss chart data', () => {
  it('drops points a log axis cannot draw', () => {
    const points = drawablePoints({
      label: 'a',
      points: [
        [0, 0.2],
        [10, 0],
        [20, -1],
        [30, Number.NaN],
        [Number.POSITIVE_INFINITY, 0.1],
        [40, 0.05],
      ],
    });
    expect(points).toEqual([
      [0, 0.2],
      [40, 0.05],
    ]);
  });

  it('spans whole decades around the losses and all steps', () => {
    const d = lossDomains([
      {
        label: 'a',
        points: [
          [0, 0.17],
          [500, 0.004],
        ],
      },
      { label: 'b', points: [[1000, 0.02]] },
    ]);
    expect(d.x).toEqual([0, 1000]);
    expect(d.y[0]).toBeCloseTo(0.001);
    expect(d.y[1]).toBeCloseTo(1);
  });

  it('spans the whole run when its last step is known, so the axis stays put while the line grows', () => {
    const series = [
      {
        label: 'a',
        points: [
          [0, 0.17],
          [500, 0.004],
        ] as [number, number][],
      },
    ];
    expect(lossDomains(series, 3500).x).toEqual([0, 3500]);
    expect(lossDomains(series, 200).x).toEqual([0, 500]);
    expect(lossDomains(series, Number.NaN).x).toEqual([0, 500]);
  });

  it('gives a usable domain with no data, one point, or an exact power of ten', () => {
    expect(lossDomains([])).toEqual({ x: [0, 1], y: [1e-3, 1] });
    const one = lossDomains([{ label: 'a', points: [[0, 0.1]] }]);
    expect(one.x[1]).toBeGreaterThan(one.x[0]);
    expect(one.y[1]).toBeGreaterThan(one.y[0]);
  });

  it('states the last loss of each series', () => {
    expect(
      describeLossChart([
        {
          label: '1 − S = 0.1',
          points: [
            [0, 0.2],
            [100, 0.00213],
          ],
        },
        { label: 'empty', points: [] },
      ]),
    ).toBe('1 − S = 0.1: loss 2.13e-3 at step 100; empty: no losses yet.');
  });
});

describe('series colours', () => {
  it('keep Tableau 10 hues but reach 3:1 contrast on white', () => {
    const colours = Array.from({ length: 10 }, (_, i) => seriesColour(i));
    for (const c of colours) expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(3);
    expect(new Set(colours).size).toBe(10);
    expect(seriesColour(0)).toBe('#4e79a7');
    expect(seriesColour(10)).toBe(seriesColour(0));
  });
});
