import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, makeConfig, PAPER_DENSITIES } from '../../../src/model/config';
import {
  CONVERGED_RECIPE,
  configRecipe,
  describeLevelRecipe,
  expectedRows,
  levelRecipe,
  LIVE_RECIPE_LEVELS,
  levelRecipeErrors,
  liveRecipe,
  recipeConfig,
  recipeRuns,
  REPLICATION_RECIPE,
} from '../../../src/model/recipe';

const shape = { ...DEFAULT_CONFIG, seed: 2 };

describe('training recipes', () => {
  it('cover every paper level, densest first', () => {
    for (const recipe of [REPLICATION_RECIPE, CONVERGED_RECIPE]) {
      expect(recipe.levels.map((l) => l.density)).toEqual([...PAPER_DENSITIES]);
      for (const level of recipe.levels) expect(levelRecipeErrors(level)).toEqual([]);
    }
  });

  it('replication: one run of all seven levels whose configuration is the pre-recipe default', () => {
    const runs = recipeRuns(REPLICATION_RECIPE.levels, shape);
    expect(runs).toHaveLength(1);
    expect(JSON.stringify(runs[0]!.config)).toBe(JSON.stringify(makeConfig({ seed: 2 })));
  });

  it('converged: every configuration is valid and carries its level’s schedule and output-bias start', () => {
    const runs = recipeRuns(CONVERGED_RECIPE.levels, shape);
    expect(runs.flatMap((r) => r.levels.map((l) => l.density))).toEqual(expect.arrayContaining([...PAPER_DENSITIES]));
    for (const run of runs) {
      expect(() => makeConfig(run.config)).not.toThrow();
      for (const level of run.levels) {
        expect(run.config.densities).toContain(level.density);
        expect(configRecipe(run.config, level.density)).toEqual(level);
      }
    }
  });

  it('groups only levels that train alike', () => {
    const [a, b] = CONVERGED_RECIPE.levels;
    const runs = recipeRuns([a!, { ...b!, steps: b!.steps + 1 }, { ...a!, density: 0.5 }], shape);
    expect(runs.map((r) => r.config.densities)).toEqual([[a!.density, 0.5], [b!.density]]);
  });

  it('round-trips a level through its configuration', () => {
    const level = levelRecipe(CONVERGED_RECIPE, 0.003);
    expect(configRecipe(recipeConfig(level, shape), 0.003)).toEqual(level);
    expect(() => levelRecipe(CONVERGED_RECIPE, 0.5)).toThrow(RangeError);
  });

  it('sizes a step by its expected rows: the whole batch when dense, a tenth at 0.001', () => {
    expect(expectedRows({ density: 1, batch: 128 }, 100)).toBe(128);
    expect(expectedRows({ density: 0.001, batch: 16_384 }, 100)).toBeCloseTo(16_384 * (1 - 0.999 ** 100) + 1, 6);
  });

  it('names what is wrong with a bad level', () => {
    expect(levelRecipeErrors({ ...CONVERGED_RECIPE.levels[0]!, batch: 0.5, schedule: { kind: 'cosine', warmupSteps: -1 } })).toEqual([
      'recipe batch must be a positive integer',
      'recipe warmupSteps must be an integer between 0 and 20000',
    ]);
    expect(levelRecipeErrors(null)).toEqual(['recipe must be an object']);
  });

  it('live: every paper level has a level; any other density trains like the nearest one in log-density', () => {
    expect(LIVE_RECIPE_LEVELS.levels.map((l) => l.density)).toEqual([...PAPER_DENSITIES]);
    for (const level of LIVE_RECIPE_LEVELS.levels) {
      expect(liveRecipe(level.density)).toEqual(level);
      expect(levelRecipeErrors(level)).toEqual([]);
      expect(() => makeConfig(recipeConfig(level, shape))).not.toThrow();
    }
    expect(liveRecipe(0.05)).toEqual({ ...levelRecipe(LIVE_RECIPE_LEVELS, 0.03), density: 0.05 });
    expect(liveRecipe(0.2)).toEqual({ ...levelRecipe(LIVE_RECIPE_LEVELS, 0.3), density: 0.2 });
    expect(liveRecipe(0.0004).batch).toBe(levelRecipe(LIVE_RECIPE_LEVELS, 0.001).batch);
  });

  it('describes a level in words', () => {
    expect(describeLevelRecipe(levelRecipe(REPLICATION_RECIPE, 1))).toBe('batch 1,024, 10,000 steps, lr 1e-3 (constant)');
  });
});
