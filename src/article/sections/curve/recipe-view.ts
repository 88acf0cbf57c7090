/**
 * What the recipe comparison draws (pure): per density with both recipes, its closest-loss pair of
 * models side by side, their stack plots on one y range; a table of every run; the sentences.
 */
import type { ComparedRecipe, ComparedRun } from '../../../model/recipe-comparison';
import { niceRange } from '../../../viz/stack-plot/stack-scale';
import type { StackPlotData } from '../../../viz/core/types';
import { tallestStack } from '../../figures/figure-data';
import { framedPlot } from '../../figures/view-parts';
import type { ComparedModel, RecipeComparisonData } from '../../shipped/recipe-comparison-models';
import { recipeFinding, recipeLead } from './text';

/** One model of a side-by-side pair. */
export interface ComparedPanel {
  readonly run: ComparedRun;
  readonly plot: StackPlotData;
}

export interface RecipePairView {
  readonly density: number;
  readonly a: ComparedPanel;
  readonly b: ComparedPanel;
}

export interface RecipeComparisonView {
  readonly pairs: readonly RecipePairView[];
  /** Every run: A then B at each density, densest first, by seed. */
  readonly runs: readonly ComparedRun[];
  /** The takeaway, which leads the section's text. */
  readonly lead: string;
  /** The closest pairs in words, and what the comparison means for reading a count. */
  readonly finding: string;
}

/** The pair's plots share the taller of their two nice y ranges, so their heights compare. */
function panels(a: ComparedModel, b: ComparedModel): { a: ComparedPanel; b: ComparedPanel } {
  const yMax = niceRange(Math.max(tallestStack(a.analysis.normalised.W1), tallestStack(b.analysis.normalised.W1)));
  return { a: { run: a.run, plot: framedPlot(a.analysis, { yMax }) }, b: { run: b.run, plot: framedPlot(b.analysis, { yMax }) } };
}

export function recipeComparisonView(data: RecipeComparisonData): RecipeComparisonView {
  const { comparison, models } = data;
  const modelOf = (run: ComparedRun): ComparedModel => models.find((m) => m.run === run)!;
  return {
    pairs: comparison.pairs.map((p) => ({ density: p.density, ...panels(modelOf(p.a), modelOf(p.b)) })),
    runs: comparison.groups.flatMap((g) => g.runs),
    lead: recipeLead(comparison),
    finding: recipeFinding(comparison),
  };
}

/** "Recipe A" / "Recipe B" with the run's seed: a panel's title. */
export const panelTitle = (recipe: ComparedRecipe, seed: number): string => `Recipe ${recipe}, seed ${seed}`;
