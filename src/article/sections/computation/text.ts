/**
 * The sentences after the opening figure that carry numbers: what the dense model of Figure 1
 * does, and what the model the figure opens with computes. Every number is read off an analysis
 * of shipped weights (model/analysis); empty strings before the models load.
 */
import type { ModelCounts } from '../../../model/analysis';
import { FIGURE_NUMBER } from '../../page/article-meta';
import type { SweepBudget } from '../../state/budget';
import { formatSpread, type LevelSummary } from '../../shipped/sweep-summary';
import { formatDensity, plural } from '../../../viz/core/format';

/**
 * What Figure 1's dense panel shows against the clean solution the text describes (two neurons a
 * feature), from the summary of the budget it draws; empty before the sweep loads.
 */
export function denseSentence(budget: SweepBudget, dense: LevelSummary | undefined): string {
  if (!dense) return '';
  const pairs = Math.floor(dense.neurons / 2);
  const figure = `Figure ${FIGURE_NUMBER.sweep}`;
  if (dense.representedFeatures.min === pairs && dense.representedFeatures.max === pairs) {
    return `When every feature is present in every input, the trained network does exactly that (${figure} below, its left panel): it computes ${pairs} features, each with its own pair of neurons.`;
  }
  const trained = budget === 'converged' ? '' : ', trained with the shorter replication budget,';
  return `When every feature is present in every input, the network${trained} computes ${formatSpread(dense.representedFeatures)} features rather than ${pairs} (${figure} below, its left panel).`;
}

/** How often each feature is present, as a clause on "inputs": "in which each feature is present 1% of the time". */
function presence(density: number): string {
  return density >= 1
    ? 'in which every feature is always present'
    : `in which each feature is present ${formatDensity(density * 100)}% of the time`;
}

/**
 * What the figure's opening model computes, from its analysis counts: "The model the figure opens
 * with was trained on inputs in which each feature is present 1% of the time. It computes |x| for
 * 24 features, more than the 20 that dedicated pairs of neurons allow, and for 9 more on one side
 * of zero only; all 40 of its neurons read more than one feature." A neuron "reads" a feature
 * as model/analysis/neurons.ts counts it (polysemantic: a second feature at 0.1 of its largest weight or more). `density`: its feature density 1 − S.
 */
export function openingModelSentence(density: number, counts: ModelCounts): string {
  const pairs = Math.floor(counts.neurons / 2);
  const r = counts.representedFeatures;
  const against =
    r > pairs
      ? `more than the ${pairs} that dedicated pairs of neurons allow`
      : r === pairs
        ? 'as many as dedicated pairs of neurons allow'
        : `fewer than the ${pairs} that dedicated pairs of neurons allow`;
  const half = counts.halfRepresentedFeatures > 0 ? `, and for ${counts.halfRepresentedFeatures} more on one side of zero only` : '';
  const p = counts.polysemantic;
  const live = counts.neurons - counts.dead;
  const shared =
    p === 0
      ? 'none of its neurons reads more than one feature'
      : p === live
        ? `all ${live} of its ${live === counts.neurons ? '' : 'live '}neurons read more than one feature`
        : `${p} of its ${counts.neurons} neurons ${p === 1 ? 'reads' : 'read'} more than one feature`;
  return `The model the figure opens with was trained on inputs ${presence(density)}. It computes |x| for ${plural(r, 'feature')}, ${against}${half}; ${shared}.`;
}
