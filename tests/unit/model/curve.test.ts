/** The density curve's pure logic: bands over seeds, the median seed, the text's thresholds, the nearest grid density. */
import { describe, expect, it } from 'vitest';
import { band, type CurveSample, curveLevels, curveThresholds, median, nearestGridDensity } from '../../../src/model/curve';
import { convergedRecipe, densityGrid, neighbourRecipes } from '../../../src/model/grid';
import { CONVERGED_RECIPE } from '../../../src/model/recipe';

const sample = (density: number, seed: number, fields: Partial<CurveSample> = {}): CurveSample => ({
  density,
  seed,
  neurons: 40,
  monosemantic: 40,
  polysemantic: 0,
  featuresComputed: 20,
  featuresOneSide: 20,
  meanPolysemanticity: 0,
  lossOverClean: 1,
  lossOverZero: 0.01,
  ...fields,
});

describe('median and band', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(band([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
    expect(() => band([])).toThrow(RangeError);
  });
});

describe('curveLevels', () => {
  it('groups by density densest first, with min, median and max over the seeds', () => {
    const levels = curveLevels([
      sample(0.1, 2, { monosemantic: 30, lossOverClean: 0.9 }),
      sample(1, 0),
      sample(0.1, 0, { monosemantic: 34, lossOverClean: 0.7 }),
      sample(0.1, 1, { monosemantic: 36, lossOverClean: 0.8 }),
    ]);
    expect(levels.map((l) => l.density)).toEqual([1, 0.1]);
    expect(levels[1]!.seeds).toEqual([0, 1, 2]);
    expect(levels[1]!.monosemantic).toEqual({ min: 30, median: 34, max: 36 });
    expect(levels[1]!.lossOverClean).toEqual({ min: 0.7, median: 0.8, max: 0.9 });
  });

  it('names the seed with the median eval loss, and the lowest seed when there is no evaluation', () => {
    const levels = curveLevels([
      sample(0.01, 0, { lossOverClean: 0.5 }),
      sample(0.01, 1, { lossOverClean: 0.3 }),
      sample(0.01, 2, { lossOverClean: 0.4 }),
      sample(0.3, 1, { lossOverClean: null, lossOverZero: null }),
      sample(0.3, 2, { lossOverClean: null, lossOverZero: null }),
    ]);
    expect(levels.find((l) => l.density === 0.01)!.medianSeed).toBe(2);
    const unevaluated = levels.find((l) => l.density === 0.3)!;
    expect(unevaluated.medianSeed).toBe(1);
    expect(unevaluated.lossOverClean).toBeNull();
  });
});

describe('curveThresholds', () => {
  const levels = curveLevels([
    // 1: all monosemantic; 0.5: one seed has a polysemantic neuron (median 0); 0.3: median 2;
    // 0.1: median 20 of 40 (half) and 21 features; 0.03: more.
    ...[0, 1, 2].map((s) => sample(1, s)),
    ...[0, 1, 2].map((s) => sample(0.5, s, { polysemantic: s === 2 ? 1 : 0 })),
    ...[0, 1, 2].map((s) => sample(0.3, s, { polysemantic: [1, 2, 3][s]!, featuresComputed: [20, 21, 22][s]! - 1 })),
    ...[0, 1, 2].map((s) => sample(0.1, s, { polysemantic: [19, 20, 25][s]!, featuresComputed: [21, 21, 19][s]! })),
    ...[0, 1, 2].map((s) => sample(0.03, s, { polysemantic: 30, featuresComputed: 25 })),
  ]);

  it('finds, at the median seed, the first polysemantic neurons, half the neurons polysemantic and more than m/2 features', () => {
    const t = curveThresholds(levels);
    expect(t.firstPolysemantic?.level.density).toBe(0.3);
    expect(t.firstPolysemantic?.before?.density).toBe(0.5);
    expect(t.halfPolysemantic?.level.density).toBe(0.1);
    // At 0.3 the median is 20 features, not more than 20; at 0.1 it is 21.
    expect(t.morePairsThanNeurons?.level.density).toBe(0.1);
    expect(t.firstPolysemantic?.lasting?.density).toBe(0.3);
  });

  it('says from where on a crossing lasts when the curve falls back after its first crossing', () => {
    const wavering = curveLevels([
      sample(1, 0),
      sample(0.3, 0, { featuresComputed: 21 }),
      sample(0.1, 0, { featuresComputed: 19 }),
      sample(0.03, 0, { featuresComputed: 22 }),
      sample(0.01, 0, { featuresComputed: 25 }),
    ]);
    const t = curveThresholds(wavering).morePairsThanNeurons!;
    expect(t.level.density).toBe(0.3);
    expect(t.lasting?.density).toBe(0.03);
    const fallsBack = curveLevels([sample(1, 0), sample(0.1, 0, { featuresComputed: 21 }), sample(0.01, 0, { featuresComputed: 19 })]);
    expect(curveThresholds(fallsBack).morePairsThanNeurons?.lasting).toBeNull();
  });

  it('says null for a threshold the curve never crosses, and has no denser neighbour at the densest level', () => {
    const t = curveThresholds(levels.slice(0, 2));
    expect(t).toEqual({ firstPolysemantic: null, halfPolysemantic: null, morePairsThanNeurons: null });
    const everywhere = curveThresholds(curveLevels([sample(1, 0, { polysemantic: 40 })]));
    expect(everywhere.firstPolysemantic?.before).toBeNull();
  });
});

describe('the grid', () => {
  it('has 25 levels from 1 to 0.001 with the seven paper levels, evenly spaced in log density between them', () => {
    const grid = densityGrid(3);
    expect(grid).toHaveLength(25);
    expect(grid[0]).toBe(1);
    expect(grid.at(-1)).toBe(0.001);
    for (const d of [1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001]) expect(grid).toContain(d);
    const steps = grid.slice(1).map((d, k) => Math.log10(grid[k]! / d));
    expect(Math.min(...steps)).toBeGreaterThan(0.11);
    expect(Math.max(...steps)).toBeLessThan(0.14);
    expect(densityGrid(0)).toEqual([1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001]);
  });

  it('trains every density with the nearest paper level’s converged recipe in log density', () => {
    expect(convergedRecipe(0.03)).toEqual(CONVERGED_RECIPE.levels[3]);
    expect(convergedRecipe(0.04)).toEqual({ ...CONVERGED_RECIPE.levels[3]!, density: 0.04 });
    expect(convergedRecipe(0.06).batch).toBe(128);
    expect(convergedRecipe(0.0015)).toEqual({ ...CONVERGED_RECIPE.levels[6]!, density: 0.0015 });
  });

  it('tries a level’s own recipe, then each other recipe its grid neighbours train with, moved to its density', () => {
    const grid = densityGrid(3);
    const at = (d: number) => neighbourRecipes(grid, grid.indexOf(d));
    // 0.03 and both its neighbours train with 0.03's recipe: one run.
    expect(at(0.03)).toEqual([convergedRecipe(0.03)]);
    // 0.0228 (0.03's recipe) borders 0.01732 (0.01's): both are tried there, its own first.
    expect(at(0.0228)).toEqual([convergedRecipe(0.0228), { ...convergedRecipe(0.01732), density: 0.0228 }]);
    expect(at(0.0228)[1]!.batch).toBe(2048);
    // The ends have one neighbour.
    expect(at(1)).toEqual([convergedRecipe(1)]);
    expect(at(0.001)).toEqual([convergedRecipe(0.001)]);
    expect(() => neighbourRecipes(grid, 25)).toThrow(RangeError);
  });

  it('finds the nearest grid density in log density', () => {
    const grid = densityGrid(3);
    expect(nearestGridDensity(grid, 0.02)).toBe(0.0228);
    expect(nearestGridDensity(grid, 1)).toBe(1);
    expect(nearestGridDensity(grid, 0.0009)).toBe(0.001);
    expect(nearestGridDensity([0.1, 0.01], 0.04)).toBe(0.1);
    expect(nearestGridDensity([], 0.5)).toBeUndefined();
  });
});
