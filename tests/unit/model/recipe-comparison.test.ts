import { describe, expect, it } from 'vitest';
import { type ComparedRun, COMPARED_RECIPE_LEVELS, comparedRecipeOf, compareRecipes } from '../../../src/model/recipe-comparison';
import { CONVERGED_RECIPE, LIVE_RECIPE_LEVELS } from '../../../src/model/recipe';

const run = (recipe: 'A' | 'B', density: number, seed: number, evalLoss: number, monosemantic: number): ComparedRun => ({
  recipe,
  density,
  seed,
  evalLoss,
  neurons: 40,
  monosemantic,
  polysemantic: 40 - monosemantic,
  featuresComputed: 20,
});

describe('the recipe comparison', () => {
  it('names recipe A the converged 0.03 level and B the converged 0.01 level, at any density, and nothing else', () => {
    expect(comparedRecipeOf({ ...CONVERGED_RECIPE.levels[3]!, density: 0.0228 })).toBe('A');
    expect(comparedRecipeOf({ ...CONVERGED_RECIPE.levels[4]!, density: 0.03 })).toBe('B');
    expect(COMPARED_RECIPE_LEVELS.A.batch).toBe(256);
    expect(COMPARED_RECIPE_LEVELS.B.batch).toBe(2048);
    expect(comparedRecipeOf(LIVE_RECIPE_LEVELS.levels[3])).toBeNull();
    expect(comparedRecipeOf(undefined)).toBeNull();
  });

  it('pairs, per density, the A and B runs closest in eval loss, and bands each recipe over its seeds', () => {
    const c = compareRecipes([
      run('A', 0.03, 0, 6e-4, 25),
      run('A', 0.03, 1, 4e-4, 27),
      run('B', 0.03, 0, 4.4e-4, 16),
      run('B', 0.03, 1, 9e-4, 17),
      run('A', 0.0228, 0, 5e-4, 28),
    ]);
    expect(c.densities).toEqual([0.03, 0.0228]);
    expect(c.pairs).toHaveLength(1);
    const [pair] = c.pairs;
    expect([pair!.a.seed, pair!.b.seed]).toEqual([1, 0]);
    expect(pair!.lossRatio).toBeCloseTo(1.1, 10);
    expect(pair!.monosemanticDifference).toBe(11);
    expect(c.groups.find((g) => g.density === 0.03 && g.recipe === 'B')!.monosemantic).toEqual({ min: 16, median: 16.5, max: 17 });
    expect(c.aAlwaysMore).toBe(true);
  });

  it('does not claim that A always has more monosemantic neurons when the recipes’ counts overlap', () => {
    const c = compareRecipes([run('A', 0.03, 0, 6e-4, 20), run('A', 0.03, 1, 6e-4, 15), run('B', 0.03, 0, 6e-4, 17)]);
    expect(c.aAlwaysMore).toBe(false);
    expect(compareRecipes([run('A', 0.03, 0, 6e-4, 20)]).aAlwaysMore).toBe(false);
  });
});
