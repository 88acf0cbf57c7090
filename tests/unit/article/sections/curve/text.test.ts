import { describe, expect, it } from 'vitest';
import {
  baselineLead,
  baselineSentence,
  gridBaselineSentence,
  recipeFinding,
  recipeLead,
} from '../../../../../src/article/sections/curve/text';
import type { BaselineLevel } from '../../../../../src/model/baseline-summary';
import { type ComparedRun, compareRecipes } from '../../../../../src/model/recipe-comparison';

const run = (recipe: 'A' | 'B', seed: number, evalLoss: number, monosemantic: number): ComparedRun => ({
  recipe,
  density: 0.03,
  seed,
  evalLoss,
  neurons: 40,
  monosemantic,
  polysemantic: 40 - monosemantic,
  featuresComputed: 20,
});
const level = (density: number, beating: number, min: number, max: number): BaselineLevel => ({
  density,
  baseline: 1e-3,
  ratio: { min, median: (min + max) / 2, max },
  pairs: { min: 20, median: 21, max: 22 },
  beating,
  seeds: 3,
});

describe('the curve section’s computed sentences', () => {
  it('says so plainly when the recipes’ counts do not separate', () => {
    const text = recipeFinding(compareRecipes([run('A', 0, 5e-4, 20), run('A', 1, 5e-4, 14), run('B', 0, 5e-4, 16)]));
    expect(text).toContain('do not separate cleanly');
    expect(text).not.toContain('every recipe A model has more');
  });

  it('says nothing is compared when one recipe is missing', () => {
    expect(recipeFinding(compareRecipes([run('A', 0, 5e-4, 20)]))).toMatch(/not both available/);
  });

  it('names the lower-loss recipe and the size of the difference when A always has more', () => {
    const text = recipeFinding(compareRecipes([run('A', 0, 6e-4, 26), run('B', 0, 3e-4, 12)]));
    expect(text).toContain('recipe B’s loss is 2.00× lower');
    const lead = recipeLead(compareRecipes([run('A', 0, 6e-4, 26), run('B', 0, 3e-4, 12)]));
    expect(lead).toMatch(/^Here better training means more superposition, not less: at 1 − S = /);
    expect(lead).toContain('up to 14 neurons between models whose losses are within 2.00× of each other');
    expect(recipeLead(compareRecipes([run('A', 0, 3e-4, 26), run('B', 0, 6e-4, 12)]))).toMatch(/^The count follows the recipe/);
    expect(recipeLead(compareRecipes([run('A', 0, 5e-4, 20)]))).toBe('');
  });

  it('states where every seed, no seed and only some seeds beat the baseline, with the ratios', () => {
    const text = baselineSentence([level(1, 0, 1.1, 1.3), level(0.1, 2, 0.9, 1.05), level(0.001, 3, 0.3, 0.4)], 40);
    expect(text).toContain('beat it at 1 − S = 0.001 (0.30–0.40×)');
    expect(text).toContain('No seed beats it at 1 (1.10–1.30×)');
    expect(text).toContain('2 of 3 seeds at 0.1 (0.90–1.05×) do');
    expect(text).toContain('20.0–22.0 features’ worth of own pairs, where 40 neurons fit 20');
    expect(gridBaselineSentence([], 25)).toMatch(/no density has every seed below it/);
  });

  it('leads with the sparse stretch where every seed beats the baseline, and what the sparsest level is worth', () => {
    const levels = [
      level(1, 0, 1.1, 1.3),
      level(0.1, 3, 0.9, 0.95),
      level(0.03, 2, 0.9, 1.05),
      level(0.01, 3, 0.5, 0.6),
      level(0.001, 3, 0.3, 0.4),
    ];
    const text = baselineLead(levels, 40);
    expect(text).toMatch(
      /^Where features are rare, the trained models do better than any model without superposition can: from 1 − S = 0\.01 to the sparsest level,/,
    );
    expect(text).toContain('At 1 − S = 0.001 they are as good as giving 20–22 features a ± pair of their own, with neurons for only 20.');
    expect(baselineLead(levels.slice(0, 3), 40)).toMatch(/not every trained model beats/);
    expect(baselineLead([], 40)).toBe('');
  });
});
