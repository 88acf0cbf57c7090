import { describe, expect, it } from 'vitest';
import { formatRangeTick, NICE_RANGES, nextRange, niceRange, rangeTicks, replayRange } from '../../../../src/viz/stack-plot/stack-scale';
import { plotRange } from '../../../../src/viz/stack-plot/stack-scale';

describe('the stack plot’s vertical range', () => {
  it('is the smallest nice range that holds the tallest stack', () => {
    expect(niceRange(0.4)).toBe(1);
    expect(niceRange(1)).toBe(1);
    expect(niceRange(1.27)).toBe(1.5);
    expect(niceRange(9.44)).toBe(10);
    expect(niceRange(240)).toBe(300);
    expect(niceRange(Number.NaN)).toBe(1);
  });

  it('grows at once when a stack does not fit, and shrinks only when the stacks fall well below it', () => {
    expect(nextRange(undefined, 3.2)).toBe(4);
    expect(nextRange(4, 4.3)).toBe(5);
    // 3.6 × 1.15 = 4.1 needs 5: no shrink from 5; 3.4 × 1.15 = 3.9 fits 4: shrink.
    expect(nextRange(5, 3.6)).toBe(5);
    expect(nextRange(5, 3.4)).toBe(4);
  });

  it('changes rarely and in one direction over a live run whose stacks shrink as it trains', () => {
    // Tallest stacks of a live run at 1 − S = 0.03, one per snapshot (measured, steps 50 … 3,500).
    const needs = [7.95, 6.17, 6.47, 6.36, 6.14, 6.27, 5.85, 5.54, 5.44, 5.47, 5.41, 5.36, 5.15, 4.6, 4.19, 3.74, 3.6, 3.44, 3.38, 3.15];
    const ranges = needs.map((_, k) => replayRange(needs.slice(0, k + 1)));
    const changes = ranges.filter((r, k) => k > 0 && r !== ranges[k - 1]).length;
    expect(ranges[0]).toBe(8);
    expect(ranges.at(-1)).toBe(4);
    expect(changes).toBeLessThanOrEqual(3);
    for (let k = 1; k < ranges.length; k++) expect(ranges[k]).toBeLessThanOrEqual(ranges[k - 1]!);
    needs.forEach((need, k) => {
      expect(ranges[k]).toBeGreaterThanOrEqual(need);
    });
  });

  it('ticks at 0, ±range and a round middle value', () => {
    expect(rangeTicks(4)).toEqual([-4, -2, 0, 2, 4]);
    expect(rangeTicks(1.5)).toEqual([-1.5, -1, 0, 1, 1.5]);
    expect(rangeTicks(1)).toEqual([-1, 0, 1]);
    expect(rangeTicks(25)).toEqual([-25, -10, 0, 10, 25]);
    expect(rangeTicks(15)).toEqual([-15, -5, 0, 5, 15]);
    expect(rangeTicks(2.5)).toEqual([-2.5, -1, 0, 1, 2.5]);
    expect(NICE_RANGES.every((r, k) => k === 0 || r > NICE_RANGES[k - 1]!)).toBe(true);
  });
});

describe('the stack plot’s y ticks', () => {
  it('are written with a true minus sign and no trailing zeros', () => {
    expect(formatRangeTick(-2.5)).toBe('−2.5');
    expect(formatRangeTick(0)).toBe('0');
    expect(formatRangeTick(8)).toBe('8');
  });
});

describe('plotRange: a scale not set by one outlier', () => {
  const columns = (tops: readonly number[]) => tops.map((up) => ({ up, down: up / 2 }));

  it('holds every stack where the tallest is near the rest', () => {
    expect(plotRange({}, columns([4, 5, 5.5, 6, 5.8]))).toEqual({ range: 6, clipped: false });
    expect(plotRange({ yMax: 8 }, columns([4, 5, 5.5, 6, 5.8]))).toEqual({ range: 8, clipped: false });
  });

  it('uses the nice range of the 90th-percentile column where one stack towers over the rest, and says so', () => {
    const tops = [...Array(39).fill(1.1), 5];
    expect(plotRange({ yMax: 5 }, columns(tops))).toEqual({ range: 1.5, clipped: true });
    expect(plotRange({ order: 'importance' }, columns(tops))).toEqual({ range: 1.5, clipped: true });
  });

  it('keeps a steady range for a model in training and a replay in its trained order', () => {
    const tops = [...Array(39).fill(1.1), 5];
    expect(plotRange({ yMax: 5, order: 'neuron' }, columns(tops))).toEqual({ range: 5, clipped: false });
    expect(plotRange({ yMax: 4, order: 'final' }, columns(tops))).toEqual({ range: 4, clipped: true });
  });

  it('is at least 1 and ignores non-finite heights', () => {
    expect(plotRange({}, [])).toEqual({ range: 1, clipped: false });
    expect(plotRange({}, [{ up: Number.NaN, down: 0.5 }])).toEqual({ range: 1, clipped: false });
  });
});
