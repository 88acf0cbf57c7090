/**
 * The curve section's sentences that are computed from the shipped files, as plain strings: the
 * trained models against the no-superposition baseline (model/baseline-summary.ts) and the recipe
 * comparison's finding (model/recipe-comparison.ts). Unit-tested in Node.
 */
import type { Band } from '../../../model/curve';
import type { BaselineLevel } from '../../../model/baseline-summary';
import { COMPARED_RECIPE_LEVELS, type ComparedRun, type RecipeComparison, type SimilarLossPair } from '../../../model/recipe-comparison';
import { describeLevelRecipe } from '../../../model/recipe';
import { formatDensity, formatLoss, formatNumber, plural } from '../../../viz/core/format';

/** "0.31–0.40×" or "0.31×" where the seeds agree. */
const ratioRange = (b: Band): string =>
  formatNumber(b.min) === formatNumber(b.max) ? `${formatNumber(b.min)}×` : `${formatNumber(b.min)}–${formatNumber(b.max)}×`;
/** "24–25" (one decimal dropped when whole) or one value. */
const countRange = (b: Band, digits = 0): string =>
  formatNumber(b.min, digits) === formatNumber(b.max, digits)
    ? formatNumber(b.min, digits)
    : `${formatNumber(b.min, digits)}–${formatNumber(b.max, digits)}`;
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * The converged sweep against the baseline: where every seed beats it and by how much, where none
 * or only some do; the sparsest beating level in features' worth of own pairs (of `m / 2` that fit).
 */
export function baselineSentence(levels: readonly BaselineLevel[], m: number): string {
  if (levels.length === 0) return '';
  const seeds = Math.max(...levels.map((l) => l.seeds));
  const all = levels.filter((l) => l.beating === l.seeds);
  const none = levels.filter((l) => l.beating === 0);
  const some = levels.filter((l) => l.beating > 0 && l.beating < l.seeds);
  const at = (l: BaselineLevel): string => `${formatDensity(l.density)} (${ratioRange(l.ratio)})`;
  const parts: string[] = [];
  if (all.length) {
    parts.push(
      `The converged sweep’s models (${plural(seeds, 'seed')}) beat it at 1 − S = ${list(all.map(at))}: eval loss over the baseline’s, the range over seeds`,
    );
    const sparsest = all[all.length - 1]!;
    parts.push(
      `at ${formatDensity(sparsest.density)} that is as good as ${countRange(sparsest.pairs, 1)} features’ worth of own pairs, where ${m} neurons fit ${Math.floor(m / 2)}`,
    );
  } else parts.push(`No converged model beats it at every seed`);
  const rest: string[] = [];
  if (none.length) rest.push(`no seed beats it at ${list(none.map(at))}`);
  if (some.length) rest.push(`${list(some.map((l) => `${l.beating} of ${l.seeds} seeds at ${at(l)}`))} do`);
  return `${parts.join('; ')}.${rest.length ? ` ${capitalise(rest.join('; '))}.` : ''}`;
}

/**
 * The baseline comparison's takeaway, for the paragraph's lead: from which density down every seed
 * of the converged sweep beats the best model without superposition (the clean ⌊m/2⌋ × 2
 * solution), and what the sparsest level is worth in features given their own ± pairs. The ratios
 * level by level are baselineSentence's, for a note.
 */
export function baselineLead(levels: readonly BaselineLevel[], m: number): string {
  if (levels.length === 0) return '';
  let from = levels.length;
  while (from > 0 && levels[from - 1]!.beating === levels[from - 1]!.seeds) from--;
  const sparse = levels.slice(from);
  const pairs = Math.floor(m / 2);
  if (sparse.length === 0)
    return `At the sparsest density not every trained model beats the best model without superposition, the clean ${pairs} × 2 solution.`;
  const sparsest = sparse[sparse.length - 1]!;
  const where =
    sparse.length === 1
      ? `at 1 − S = ${formatDensity(sparsest.density)}`
      : `from 1 − S = ${formatDensity(sparse[0]!.density)} to the sparsest level`;
  return (
    `Where features are rare, the trained models do better than any model without superposition can: ${where}, every seed’s eval loss is below that of the clean ${pairs} × 2 solution. ` +
    `At 1 − S = ${formatDensity(sparsest.density)} they are as good as giving ${countRange(sparsest.pairs)} features a ± pair of their own, with neurons for only ${pairs}.`
  );
}

/** The grid's stretches where every seed beats the baseline, as a sentence. */
export function gridBaselineSentence(
  stretches: readonly { readonly from: number; readonly to: number; readonly levels: number }[],
  gridLevels: number,
): string {
  if (gridLevels === 0) return '';
  if (stretches.length === 0) return `On the curve’s grid no density has every seed below it.`;
  const total = stretches.reduce((sum, s) => sum + s.levels, 0);
  const where = stretches.map((s) => (s.from === s.to ? formatDensity(s.from) : `${formatDensity(s.from)} to ${formatDensity(s.to)}`));
  return `On the curve’s grid every seed is below it at ${total} of ${gridLevels} densities (1 − S = ${list(where)}); elsewhere the grid’s budget leaves at least one seed above it.`;
}

/** The two recipes in words: "recipe A (batch 256, …)". */
export const recipeDescription = (name: 'A' | 'B'): string => `recipe ${name} (${describeLevelRecipe(COMPARED_RECIPE_LEVELS[name])})`;

/** One closest-loss pair as a sentence: each run's seed, eval loss and counts, and which has the lower loss by how much. */
function pairSentence(p: SimilarLossPair): string {
  const run = (r: ComparedRun): string =>
    `recipe ${r.recipe} (seed ${r.seed}, eval loss ${formatLoss(r.evalLoss)}) has ${r.monosemantic} monosemantic neurons and computes ${r.featuresComputed} features`;
  const lower = p.a.evalLoss < p.b.evalLoss ? 'A' : 'B';
  return `At 1 − S = ${formatDensity(p.density)}, the closest pair in loss: ${run(p.a)}; ${run(p.b)}; recipe ${lower}’s loss is ${formatNumber(p.lossRatio)}× lower.`;
}

/**
 * The comparison's takeaway, for the lead of its paragraph: whether the recipe reaching the lower
 * eval loss leaves fewer neurons monosemantic (better training, more superposition), and by how
 * much the recipe moves the count; empty when the two recipes are not both there.
 */
export function recipeLead(comparison: RecipeComparison): string {
  const { pairs } = comparison;
  if (pairs.length === 0) return '';
  const largest = Math.max(...pairs.map((p) => Math.abs(p.monosemanticDifference)));
  const worst = Math.max(...pairs.map((p) => p.lossRatio));
  const lowerLossFewer = pairs.every((p) => p.a.evalLoss < p.b.evalLoss === p.a.monosemantic < p.b.monosemantic);
  const where = `at 1 − S = ${list(comparison.densities.map(formatDensity))}`;
  const moves = `the recipe moves the count by up to ${plural(largest, 'neuron')} between models whose losses are within ${formatNumber(worst)}× of each other`;
  if (comparison.aAlwaysMore && lowerLossFewer)
    return `Here better training means more superposition, not less: ${where}, the model with the lower eval loss of each closest pair has fewer monosemantic neurons, and ${moves}.`;
  if (comparison.aAlwaysMore) return `The count follows the recipe: ${where}, ${moves}.`;
  return `The two recipes’ counts do not separate cleanly ${where}.`;
}

/** What the comparison finds, pair by pair, and what it means for reading a count of monosemantic neurons; honest when A and B do not differ. */
export function recipeFinding(comparison: RecipeComparison): string {
  const { pairs } = comparison;
  if (pairs.length === 0) return 'The two recipes’ models are not both available, so nothing is compared here.';
  const largest = Math.max(...pairs.map((p) => Math.abs(p.monosemanticDifference)));
  const closest = pairs.map(pairSentence).join(' ');
  if (comparison.aAlwaysMore) {
    return (
      `${closest} Wherever both recipes were trained, every recipe A model has more monosemantic neurons than every recipe B model. ` +
      'A count of monosemantic neurons describes the models one recipe reached, not the density: compare counts only between models trained alike, and read any single count (this page’s curve and sweeps, and the paper’s) as one recipe’s outcome, with differences of several neurons within what training alone changes.'
    );
  }
  return (
    `${closest} The two recipes do not separate cleanly here: some recipe B model has as many monosemantic neurons as a recipe A model. ` +
    `On this evidence the recipe moves the count by up to ${plural(largest, 'neuron')} between the closest pairs, but not consistently.`
  );
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
