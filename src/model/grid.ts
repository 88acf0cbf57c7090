/**
 * The density grid of the monosemanticity curve and the recipe that trains any density on it.
 * Plain TypeScript (no TF.js): the sweep CLI trains from it, the tests and the article read it.
 */
import { PAPER_DENSITIES } from './config';
import { CONVERGED_RECIPE, sameTraining, type LevelRecipe, type Recipe } from './recipe';

/**
 * The paper's seven densities (1 … 0.001) with `between` levels spaced evenly in log density
 * inside each of the six gaps, densest first: 7 + 6·between levels. `between = 3` gives 25 levels
 * about 0.12–0.13 decades apart, every paper level included exactly (a plain 25-point log grid
 * from 1 to 0.001 misses 0.3, 0.03 and 0.003). Values are rounded to 4 significant figures so
 * that files and URLs carry short numbers.
 */
export function densityGrid(between: number): number[] {
  if (!Number.isInteger(between) || between < 0) throw new RangeError(`between must be a non-negative integer, got ${between}`);
  const grid: number[] = [];
  for (let k = 0; k < PAPER_DENSITIES.length; k++) {
    const upper = PAPER_DENSITIES[k]!;
    grid.push(upper);
    const lower = PAPER_DENSITIES[k + 1];
    if (lower === undefined) break;
    for (let j = 1; j <= between; j++) {
      const t = j / (between + 1);
      grid.push(Number((upper ** (1 - t) * lower ** t).toPrecision(4)));
    }
  }
  return grid;
}

/**
 * The level of `recipe` nearest to `density` in log density, moved to `density`. Ties (a point
 * exactly halfway between two levels) go to the denser level. Piecewise constant rather than
 * interpolated: each paper level's recipe is a measured optimum of discrete choices (batch,
 * schedule kind, output-bias start) that do not interpolate, and grid levels that share a recipe
 * train side by side in one run (recipeRuns).
 */
export function nearestLevelRecipe(recipe: Recipe, density: number): LevelRecipe {
  if (!(density > 0 && density <= 1)) throw new RangeError(`density must be in (0, 1], got ${density}`);
  const distance = (level: LevelRecipe): number => Math.abs(Math.log(level.density) - Math.log(density));
  const nearest = recipe.levels.reduce((best, level) => (distance(level) < distance(best) ? level : best));
  return { ...nearest, density };
}

/** The converged recipe at any density in (0, 1]: the nearest paper level's, in log density. */
export function convergedRecipe(density: number): LevelRecipe {
  return nearestLevelRecipe(CONVERGED_RECIPE, density);
}

/**
 * The converged recipes tried at `grid[k]`: its own (convergedRecipe) and, where a grid neighbour
 * (k − 1 or k + 1) trains with another paper level's recipe, that one too, each moved to
 * `grid[k]`; its own first. Levels at a seam between two paper levels' recipes get two; the
 * others one. The curve keeps the better run at each level, so that no level is worse than its
 * neighbours' recipe would have made it (issue 17, docs/training.md).
 *
 * @throws RangeError when k is not an index of `grid`.
 */
export function neighbourRecipes(grid: readonly number[], k: number): LevelRecipe[] {
  const density = grid[k];
  if (density === undefined) throw new RangeError(`no grid level ${k} in a grid of ${grid.length}`);
  const candidates = [convergedRecipe(density)];
  for (const neighbour of [grid[k - 1], grid[k + 1]]) {
    if (neighbour === undefined) continue;
    const recipe = { ...convergedRecipe(neighbour), density };
    if (!candidates.some((c) => sameTraining(c, recipe))) candidates.push(recipe);
  }
  return candidates;
}
