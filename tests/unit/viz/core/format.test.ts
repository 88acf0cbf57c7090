import { describe, expect, it } from 'vitest';
import { formatDensity, formatLoss, formatNumber, plural } from '../../../../src/viz/core/format';

describe('formatNumber', () => {
  it('rounds to two decimals by default, with a true minus sign', () => {
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(-0.5)).toBe('−0.50');
    expect(formatNumber(2.25, 1)).toBe('2.3');
    expect(formatNumber(-3, 0)).toBe('−3');
  });

  it('writes a value that rounds to zero without a sign: never "−0.00"', () => {
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatNumber(-0.004999)).toBe('0.00');
    expect(formatNumber(-0)).toBe('0.00');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(-0.005)).toBe('−0.01');
  });

  it('names values that are not finite', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('−∞');
  });
});

describe('formatDensity', () => {
  it('writes the paper levels as the paper does, without float noise', () => {
    expect([1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001].map(formatDensity)).toEqual(['1', '0.3', '0.1', '0.03', '0.01', '0.003', '0.001']);
    expect(formatDensity(0.1 + 0.2)).toBe('0.3');
  });

  it('keeps the three significant digits a slider position has', () => {
    expect(formatDensity(10 ** -1.5)).toBe('0.0316');
    expect(formatDensity(0.0316)).toBe('0.0316');
    expect(formatDensity(0.012345)).toBe('0.0123');
  });
});

describe('formatLoss', () => {
  it('uses exponent notation with three significant digits', () => {
    expect(formatLoss(0.00213)).toBe('2.13e-3');
    expect(formatLoss(0.1)).toBe('1.00e-1');
    expect(formatLoss(Number.NaN)).toBe('NaN');
    expect(formatLoss(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

describe('plural', () => {
  it('picks the noun by count', () => {
    expect(plural(1, 'neuron')).toBe('1 neuron');
    expect(plural(0, 'neuron')).toBe('0 neurons');
    expect(plural(2, 'axis', 'axes')).toBe('2 axes');
  });
});
