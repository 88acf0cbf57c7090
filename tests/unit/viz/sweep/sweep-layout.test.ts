import { describe, expect, it } from 'vitest';
import { densityTitle, panelLabel } from '../../../../src/viz/sweep/sweep-layout';

describe('sweep figure wording', () => {
  it('titles panels as the paper does, without float noise', () => {
    expect(densityTitle(0.03)).toBe('1 − S = 0.03');
    expect(densityTitle(1)).toBe('1 − S = 1');
    expect(densityTitle(0.1 + 0.2)).toBe('1 − S = 0.3');
    expect(densityTitle(0.001)).toBe('1 − S = 0.001');
  });

  it('names each panel with its density and caption', () => {
    expect(panelLabel(0.03, '38 of 40 neurons monosemantic')).toBe(
      'Neuron weights at feature density 1 − S = 0.03: 38 of 40 neurons monosemantic',
    );
    expect(panelLabel(1, '')).toBe('Neuron weights at feature density 1 − S = 1');
  });
});
