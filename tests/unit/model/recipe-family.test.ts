import { describe, expect, it } from 'vitest';
import { PAPER_DENSITIES } from '../../../src/model/config';
import { densityGrid } from '../../../src/model/grid';
import { levelRecipeErrors } from '../../../src/model/recipe';
import { CURVE_RECIPE, familyRecipe, logInterpolate } from '../../../src/model/recipe-family';
import { learningRateAt } from '../../../src/model/schedule';

/** A fine log grid from 1 to 0.001, densest first. */
const fine = Array.from({ length: 301 }, (_, k) => 10 ** (-k / 100));

describe('the curve recipe family', () => {
  it('gives every density of the grid a valid recipe, the same object for the same density', () => {
    for (const d of densityGrid(3)) {
      expect(levelRecipeErrors(familyRecipe(d))).toEqual([]);
      expect(familyRecipe(d)).toEqual(familyRecipe(d));
    }
    expect(CURVE_RECIPE.levels.map((l) => l.density)).toEqual([...PAPER_DENSITIES]);
  });

  it('moves every hyperparameter monotonically with density: batch up, steps, learning rate down, decay fraction up', () => {
    const recipes = fine.map(familyRecipe);
    for (let k = 1; k < recipes.length; k++) {
      const [denser, sparser] = [recipes[k - 1]!, recipes[k]!];
      expect(sparser.batch).toBeGreaterThanOrEqual(denser.batch);
      expect(sparser.steps).toBeLessThanOrEqual(denser.steps);
      expect(sparser.learningRate).toBeLessThanOrEqual(denser.learningRate);
      expect(sparser.schedule.decayFraction!).toBeGreaterThanOrEqual(denser.schedule.decayFraction!);
      expect(sparser.outputBiasInit).toBe(denser.outputBiasInit);
      expect(sparser.schedule.warmupSteps).toBe(denser.schedule.warmupSteps);
    }
  });

  it('has no seams: neighbouring grid levels differ by at most 40% in batch and steps and 2× in learning rate', () => {
    const grid = densityGrid(3).map(familyRecipe);
    for (let k = 1; k < grid.length; k++) {
      const [a, b] = [grid[k - 1]!, grid[k]!];
      expect(b.batch / a.batch).toBeLessThanOrEqual(1.4);
      expect(a.steps / b.steps).toBeLessThanOrEqual(1.4);
      expect(a.learningRate / b.learningRate).toBeLessThanOrEqual(2);
    }
  });

  it('keeps about 16 occurrences of each feature a step at sparse densities and batch 128 at the dense end', () => {
    expect(familyRecipe(1).batch).toBe(128);
    expect(familyRecipe(0.3).batch).toBe(128);
    expect(familyRecipe(0.01).batch * 0.01).toBeCloseTo(16, 0);
    expect(familyRecipe(0.001).batch * 0.001).toBeCloseTo(16, 0);
    expect(familyRecipe(1).steps).toBe(12_000);
    expect(familyRecipe(1).learningRate).toBe(2e-2);
    expect(familyRecipe(0.001).learningRate).toBe(3e-3);
  });

  it('decays like the converged sparse levels’ cosine schedule at 0.01 and below', () => {
    const level = familyRecipe(0.001);
    expect(level.schedule.decayFraction).toBe(1);
    const cosine = { kind: 'cosine' as const, warmupSteps: 300 };
    for (const step of [0, 299, 300, 800, level.steps - 1]) {
      expect(learningRateAt(level.schedule, 1, step, level.steps)).toBeCloseTo(learningRateAt(cosine, 1, step, level.steps), 12);
    }
  });

  it('interpolates log value in log density between anchors and holds the ends', () => {
    const anchors = [
      [1, 1],
      [0.01, 100],
    ] as const;
    expect(logInterpolate(anchors, 2)).toBe(1);
    expect(logInterpolate(anchors, 0.1)).toBeCloseTo(10, 10);
    expect(logInterpolate(anchors, 0.001)).toBe(100);
  });

  it('rejects densities outside (0, 1]', () => {
    expect(() => familyRecipe(0)).toThrow(/density must be in/);
    expect(() => familyRecipe(1.5)).toThrow(/density must be in/);
  });
});
