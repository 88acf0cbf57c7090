/** The superposition colour scale shared by the stack plot and the sweep: dark at 0, bright at 1. */
import { describe, expect, it } from 'vitest';
import { clampSuperposition, LEGEND_TICKS, NO_VALUE_COLOUR, superpositionColour } from '../../../../src/viz/stack-plot/superposition-scale';

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
