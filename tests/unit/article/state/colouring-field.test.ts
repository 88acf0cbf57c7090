import { describe, expect, it } from 'vitest';
import { COLOURING_FIELD, colouringOf, parseColouring } from '../../../../src/article/state/colouring-field';

describe('the colour field of a permalink', () => {
  it('reads superposition and feature, ignoring case and surrounding spaces', () => {
    expect(parseColouring('superposition')).toEqual({ value: 'superposition' });
    expect(parseColouring('feature')).toEqual({ value: 'feature' });
    expect(parseColouring(' FEATURE ')).toEqual({ value: 'feature' });
  });

  it('drops any other value to each figure’s default, naming it as text without control characters', () => {
    expect(parseColouring('')).toEqual({
      value: undefined,
      notice: 'Colouring "" is not one of superposition, feature; each figure uses its default.',
    });
    const hostile = parseColouring(`<b>\u0007${'x'.repeat(40)}`);
    expect(hostile.value).toBeUndefined();
    expect(hostile.notice).toMatch(/^Colouring "<b>x{21}…" is not one of/);
  });

  it('writes the chosen colouring, and nothing when none was chosen', () => {
    expect(COLOURING_FIELD.format('feature')).toBe('feature');
    expect(COLOURING_FIELD.format('superposition')).toBe('superposition');
    expect(COLOURING_FIELD.format(undefined)).toBe('');
  });

  it('gives each figure its own default until the reader chooses: superposition, or feature for the motif figure', () => {
    expect(colouringOf(undefined)).toBe('superposition');
    expect(colouringOf(undefined, 'feature')).toBe('feature');
    expect(colouringOf('superposition', 'feature')).toBe('superposition');
    expect(colouringOf('feature')).toBe('feature');
  });
});
