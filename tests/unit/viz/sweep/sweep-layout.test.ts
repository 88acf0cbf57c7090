import { describe, expect, it } from 'vitest';
import {
  carriedNote,
  clipCaption,
  clipNote,
  clippedStacks,
  densityTitle,
  panelLabel,
  panelNotes,
} from '../../../../src/viz/sweep/sweep-layout';

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

  it('says where a panel’s range clips a towering stack, and nothing where every stack fits', () => {
    const neuron = (k: number, weights: readonly number[]) => ({
      neuron: k,
      polysemanticity: 0,
      kind: 'monosemantic' as const,
      description: '',
      weights: weights.map((inWeight, feature) => ({ feature, inWeight, outWeight: 1 })),
    });
    const even = { neurons: Array.from({ length: 20 }, (_, k) => neuron(k, [1, 0.2])), superposition: [0, 0] };
    expect(clipNote(even)).toBe('');
    const towering = { ...even, neurons: [...even.neurons, neuron(20, [1, 1, 1, 1, 1])], yMax: 5 };
    expect(clipNote(towering)).toBe('y range ±1.5 holds 9 in 10 neurons; 1 taller stack cut, its height printed');
    expect(carriedNote(even)).toBe('features ≥ 10 % per neuron: median 2, 2–2');
    expect(carriedNote(towering)).toBe('features ≥ 10 % per neuron: median 2, 2–5');
    expect(panelNotes(towering)).toHaveLength(2);
    const mono = { neurons: [neuron(0, [1, 0.05]), neuron(1, [-1])], superposition: [0, 0] };
    expect(carriedNote(mono)).toBe('1 feature ≥ 10 % per neuron');
    expect(panelNotes(mono)).toEqual(['1 feature ≥ 10 % per neuron']);
    expect(carriedNote({ neurons: [], superposition: [] })).toBe('');
  });

  it('says in the caption which panel is cut, how far its scale holds, and each cut stack’s height, computed from the weights', () => {
    const neuron = (k: number, weights: readonly number[]) => ({
      neuron: k,
      polysemanticity: 0,
      kind: 'monosemantic' as const,
      description: '',
      weights: weights.map((inWeight, feature) => ({ feature, inWeight, outWeight: 1 })),
    });
    const even = { neurons: Array.from({ length: 20 }, (_, k) => neuron(k, [1, 0.2])), superposition: [0, 0] };
    const towering = { ...even, neurons: [...even.neurons, neuron(20, [1, 1, 1, 1, 0.3])] };
    expect(clippedStacks(even)).toBeNull();
    expect(clippedStacks(towering)).toEqual({ range: 1.5, heights: [expect.closeTo(4.3, 9)], neurons: 21 });
    expect(clipCaption([{ density: 1, data: even }])).toBe('');
    expect(
      clipCaption([
        { density: 1, data: even },
        { density: 0.03, data: towering },
      ]),
    ).toBe(
      'The 1 − S = 0.03 panel is drawn at ±1.5, which holds 20 of its 21 neurons; the one taller stack, 4.3 high, is cut at the edge with its height printed, so that one neuron does not squeeze the others into the middle of the panel.',
    );
    const two = { ...towering, neurons: [...towering.neurons, neuron(21, [1, 1, 1])] };
    expect(clipCaption([{ density: 0.01, data: two }])).toMatch(
      /holds 20 of its 22 neurons; the 2 taller stacks, 4\.3 and 3\.0 high, are cut/,
    );
  });
});
