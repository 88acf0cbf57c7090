/**
 * Recipe dependence (issue 25): the same 100-feature, 40-neuron model trained at the same
 * densities with two recipes that both reach low losses, and what each does to the count of
 * monosemantic neurons. The models are shipped in public/weights/recipe-comparison-seed{s}.json
 * (docs/weights.md); every instance records its recipe and its exact eval loss.
 *
 * - Recipe A: the converged recipe's 1 − S = 0.03 level (small batches, many steps, a large
 *   learning rate held flat: batch 256, 40,000 steps, lr 1e-2, warmup-stable-decay, output bias from 0.02).
 * - Recipe B: its 1 − S = 0.01 level (big batches, few steps: batch 2,048, 10,000 steps, lr 3e-3,
 *   cosine decay, output bias from 0).
 *
 * The old density grid switched from A to B between 1 − S = 0.03 and 0.0228, where its curve
 * showed a jump in monosemantic neurons. Plain TypeScript; no DOM.
 */
import { CONVERGED_RECIPE, sameTraining, type LevelRecipe } from './recipe';
import { band, type Band } from './curve';

export type ComparedRecipe = 'A' | 'B';
export const COMPARED_RECIPES: readonly ComparedRecipe[] = ['A', 'B'];

const convergedLevel = (density: number): LevelRecipe => {
  const level = CONVERGED_RECIPE.levels.find((l) => l.density === density);
  if (!level) throw new Error(`the converged recipe has no level at ${density}`);
  return level;
};

/** The two recipes compared, as the converged recipe's levels they are (their density field is that level's). */
export const COMPARED_RECIPE_LEVELS: Readonly<Record<ComparedRecipe, LevelRecipe>> = Object.freeze({
  A: convergedLevel(0.03),
  B: convergedLevel(0.01),
});

/** Which of the two recipes trained an instance (any density), or null for another recipe. */
export function comparedRecipeOf(recipe: LevelRecipe | undefined): ComparedRecipe | null {
  if (!recipe) return null;
  return COMPARED_RECIPES.find((name) => sameTraining(recipe, COMPARED_RECIPE_LEVELS[name])) ?? null;
}

/** One trained model of the comparison. */
export interface ComparedRun {
  readonly recipe: ComparedRecipe;
  readonly density: number;
  readonly seed: number;
  /** Exact expected loss on fresh data (evaluation.ts). */
  readonly evalLoss: number;
  /** Neurons in the model (m). */
  readonly neurons: number;
  /** Neurons classified monosemantic by the page's rule (analysis/neurons.ts). */
  readonly monosemantic: number;
  readonly polysemantic: number;
  /** Features computed (a response ≥ 0.5 on both sides; analysis/features.ts). */
  readonly featuresComputed: number;
}

/** One recipe at one density, over its seeds. */
export interface RecipeAtDensity {
  readonly recipe: ComparedRecipe;
  readonly density: number;
  /** Its runs, by seed. */
  readonly runs: readonly ComparedRun[];
  readonly monosemantic: Band;
  readonly evalLoss: Band;
}

/** Two models of similar loss at one density, one per recipe: the pair of runs whose eval losses are closest (in ratio). */
export interface SimilarLossPair {
  readonly density: number;
  readonly a: ComparedRun;
  readonly b: ComparedRun;
  /** The larger eval loss over the smaller (≥ 1). */
  readonly lossRatio: number;
  /** A's monosemantic count minus B's. */
  readonly monosemanticDifference: number;
}

export interface RecipeComparison {
  /** Densest first. */
  readonly densities: readonly number[];
  /** Per density, A then B (absent where a recipe has no run). */
  readonly groups: readonly RecipeAtDensity[];
  /** Per density with both recipes, the closest-loss pair. */
  readonly pairs: readonly SimilarLossPair[];
  /** True when, at every density with runs of both recipes, every A run has more monosemantic neurons than every B run. */
  readonly aAlwaysMore: boolean;
}

/** Sums up runs of the two recipes: per density and recipe the counts and losses over seeds, and the closest-loss pairs. */
export function compareRecipes(runs: readonly ComparedRun[]): RecipeComparison {
  const densities = [...new Set(runs.map((r) => r.density))].sort((x, y) => y - x);
  const groups: RecipeAtDensity[] = densities.flatMap((density) =>
    COMPARED_RECIPES.flatMap((recipe) => {
      const these = runs.filter((r) => r.density === density && r.recipe === recipe).sort((x, y) => x.seed - y.seed);
      return these.length
        ? [
            {
              recipe,
              density,
              runs: these,
              monosemantic: band(these.map((r) => r.monosemantic)),
              evalLoss: band(these.map((r) => r.evalLoss)),
            },
          ]
        : [];
    }),
  );
  const pairs: SimilarLossPair[] = densities.flatMap((density) => {
    const of = (recipe: ComparedRecipe) => groups.find((g) => g.density === density && g.recipe === recipe)?.runs ?? [];
    let best: SimilarLossPair | null = null;
    for (const a of of('A')) {
      for (const b of of('B')) {
        const lossRatio = Math.max(a.evalLoss, b.evalLoss) / Math.min(a.evalLoss, b.evalLoss);
        if (!best || lossRatio < best.lossRatio)
          best = { density, a, b, lossRatio, monosemanticDifference: a.monosemantic - b.monosemantic };
      }
    }
    return best ? [best] : [];
  });
  const aAlwaysMore =
    pairs.length > 0 &&
    pairs.every(({ density }) => {
      const a = groups.find((g) => g.density === density && g.recipe === 'A')!;
      const b = groups.find((g) => g.density === density && g.recipe === 'B')!;
      return a.monosemantic.min > b.monosemantic.max;
    });
  return { densities, groups, pairs, aAlwaysMore };
}
