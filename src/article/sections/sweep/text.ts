/**
 * The sweep section's sentences, computed from each budget's shipped models (sweep-summary.ts):
 * plain strings, so the tests recompute them from the files and the page binds them as text.
 */
import { formatDensity, formatLoss, formatNumber, plural } from '../../../viz/core/format';
import type { SweepBudget } from '../../state/budget';
import { trainingBudget } from '../../shipped/provenance-text';
import type { ShownSweep } from '../../shipped/shown-sweep';
import { formatSpread, type LevelSummary, levelAt, type Spread } from '../../shipped/sweep-summary';

/** "40", or "34 (31–36)" over several seeds. */
export const fs = (spread: Spread): string => formatSpread(spread);

/** "is" for one, "are" for any other count. */
const isAre = (count: number): string => (count === 1 ? 'is' : 'are');

/** "no neuron is", "1 neuron is", "12 of 40 neurons are", "all 40 neurons are": a median count of neurons with its verb. */
function neuronsAre(count: number, of: number | null, what: string): string {
  if (count === 0) return `no neuron is ${what}`;
  if (count === of && count > 1) return `all ${count} neurons are ${what}`;
  return `${count}${of === null ? '' : ` of ${of}`} ${count === 1 && of === null ? 'neuron' : 'neurons'} ${of !== null && count === 1 ? 'is' : isAre(count)} ${what}`;
}

const lossPhrase = (ratio: number): string =>
  ratio >= 1.15
    ? `${formatNumber(ratio, 1)} times the clean solution’s`
    : ratio <= 0.87
      ? `${formatNumber(1 / ratio, 1)} times lower than the clean solution’s`
      : 'about the clean solution’s';

/**
 * What Figure 1 shows, told from one budget's shipped models in a few short sentences with medians
 * over the seeds, saying so where Figure 1 draws one seed (the table and sweepNotes give the ranges and the rules). Every number is read off
 * `levels`, and each claim is made only when the numbers bear it out. Empty until the paper's
 * dense, middle and sparsest levels are there.
 */
export function sweepNarrative(budget: SweepBudget, levels: readonly LevelSummary[]): string[] {
  const dense = levelAt(levels, 1);
  const mid = levelAt(levels, 0.03);
  const sparsest = levelAt(levels, 0.001);
  if (!dense || !mid || !sparsest) return [];
  const m = dense.neurons;
  const pairs = Math.floor(m / 2);
  const clean = dense.representedFeatures.min === pairs && dense.monosemantic.min === m;
  const denseFeatures = dense.representedFeatures.median;
  const sentences = [
    `On the left, where every feature is present in every example, ${neuronsAre(dense.monosemantic.median, m, 'monosemantic')} and the model computes ${plural(denseFeatures, 'feature')}.`,
  ];
  if (clean) {
    sentences.push(
      `That is the clean solution, a ± pair of neurons for each of the ${pairs} most important features: when every feature is always present, sharing a neuron would cost interference on every example.`,
    );
  } else if (dense.representedFeatures.max < pairs && dense.cleanRatio > 1.5) {
    sentences.push(
      `That is fewer than the ${pairs} that ${m} neurons can serve with a pair each, and its loss is ${lossPhrase(dense.cleanRatio)}: ${budget === 'replication' ? 'with this budget ' : ''}the dense model has not finished training.`,
    );
  }
  const seeds = dense.seeds;
  const firstAt = levels.findIndex((l) => l.polysemantic.median > 0);
  const first = levels[firstAt];
  // a seed that turns polysemantic before the median does, named in the same sentence
  const earlier = seeds > 1 ? levels.slice(0, Math.max(firstAt, 0)).find((l) => l.polysemantic.max > 0) : undefined;
  if (first)
    sentences.push(
      `As features get rarer, neurons start to be shared: ${seeds > 1 ? 'in the median seed, ' : ''}the first polysemantic neurons appear at 1 − S = ${formatDensity(first.density)}${earlier ? `, though one seed already has ${plural(earlier.polysemantic.max, 'polysemantic neuron')} at 1 − S = ${formatDensity(earlier.density)}` : ''}.`,
    );
  const poly = mid.polysemantic;
  const computed = mid.representedFeatures.median;
  const whichModel =
    seeds > 1
      ? ` (the median of ${plural(seeds, 'seed')}, which ${poly.min === poly.max ? 'all agree' : `range from ${poly.min} to ${poly.max}`}; each panel of Figure 1 counts the one seed it draws)`
      : '';
  sentences.push(
    `At 1 − S = 0.03, ${poly.median === 0 ? 'no neuron reads' : `${poly.median} of the ${m} neurons ${poly.median === 1 ? 'reads' : 'read'}`} several features${whichModel}.`,
    `The model there computes ${plural(computed, 'feature')}, ${computed > pairs ? 'already more than' : computed === pairs ? 'as many as' : 'still fewer than'} the ${pairs} pairs its neurons could give one each.`,
  );
  const far = sparsest.representedFeatures.median;
  const pays = far > pairs && sparsest.cleanRatio <= 0.87;
  sentences.push(
    `At the sparsest level, 1 − S = 0.001, ${neuronsAre(sparsest.monosemantic.median, null, 'monosemantic')} and the model computes ${plural(far, 'feature')}${far > pairs ? `, more than the ${pairs} it could compute without sharing` : ''}; its ${sparsest.lossKind === 'eval' ? '' : 'training-batch '}loss is ${lossPhrase(sparsest.cleanRatio)}.`,
  );
  if (pays) sentences.push('When features are rare, two seldom arrive together, and sharing neurons pays.');
  else if (sparsest.cleanRatio >= 1.5)
    sentences.push(`${budget === 'replication' ? 'With this budget the' : 'The'} sparsest model has not finished training either.`);
  return sentences;
}

/**
 * The fine print beside the sweep's text, as sentences computed from the same levels: what the
 * numbers are (medians over how many seeds), how close the dense model is to the clean solution's
 * loss, and where the two counting rules part. Empty until the dense and 0.01 levels are there.
 */
export function sweepNotes(budget: SweepBudget, levels: readonly LevelSummary[]): string[] {
  const dense = levelAt(levels, 1);
  const purer = levelAt(levels, 0.01);
  if (!dense || !purer) return [];
  const seeds = dense.seeds;
  const notes = [
    seeds > 1
      ? `The numbers in the text are medians over the ${seeds} seeds trained to convergence; the table under the figure gives their ranges.`
      : `The numbers in the text are those of one model per level, trained with the ${budget === 'replication' ? 'replication' : 'converged'} budget.`,
  ];
  if (dense.cleanRatio < 1.5 && dense.cleanRatio >= 1) {
    notes.push(
      `The dense model’s loss is ${formatNumber(dense.cleanRatio)} times the clean solution’s: the pairs are there, their weights not quite exact.`,
    );
  }
  if (purer.lowParticipation.median - purer.monosemantic.median >= 5) {
    notes.push(
      `How many neurons count as monosemantic depends on the rule. At 1 − S = 0.01, ${neuronsAre(purer.monosemantic.median, null, 'monosemantic')} by the 0.1 rule (method section), yet ${purer.lowParticipation.median} have a participation ratio under 1.5: most read one feature plus small stray weights.`,
    );
  }
  return notes;
}

/** "go from 12 to 20" for a median that moved, "stay at 40" for one that did not. */
function moved(from: Spread, to: Spread, format: (value: number) => string = String): string {
  return from.median === to.median ? `stay at ${format(to.median)}` : `go from ${format(from.median)} to ${format(to.median)}`;
}

/**
 * What training to convergence changes against the replication budget, as sentences computed from
 * both budgets' shipped models (medians over the converged seeds); empty unless both have loaded.
 */
export function budgetComparison(converged: readonly LevelSummary[], replication: readonly LevelSummary[]): string[] {
  const pair = (density: number) => {
    const c = levelAt(converged, density);
    const r = levelAt(replication, density);
    return c && r ? { c, r } : null;
  };
  const dense = pair(1);
  const purer = pair(0.01);
  const sparsest = pair(0.001);
  if (!dense || !purer || !sparsest) return [];
  /** "falls 5.3-fold", or "rises 1.2-fold" where the converged loss is the higher. */
  const lossChange = (p: { c: LevelSummary; r: LevelSummary }) => {
    const ratio = p.r.loss.median / p.c.loss.median;
    return ratio >= 1 ? `falls ${Number(ratio.toPrecision(2))}-fold` : `rises ${Number((1 / ratio).toPrecision(2))}-fold`;
  };
  const lowerElsewhere = converged
    .map((c) => ({ c, r: levelAt(replication, c.density) }))
    .filter((p): p is { c: LevelSummary; r: LevelSummary } => p.r !== undefined && p.r.loss.median < p.c.loss.median)
    .map(
      ({ c, r }) =>
        `At 1 − S = ${formatDensity(c.density)} the replication model has the lower loss (${formatLoss(r.loss.median)} against ${formatLoss(c.loss.median)}) but ${r.monosemantic.median === c.monosemantic.median ? `as many monosemantic neurons (${c.monosemantic.median})` : `${r.monosemantic.median} monosemantic neurons against ${c.monosemantic.median}`}: the count depends on the training as well as on the sparsity.`,
    );
  return [
    `Training to convergence matters most at the two ends of the sweep. At 1 − S = 1 the features computed ${moved(dense.r.representedFeatures, dense.c.representedFeatures)} and the loss ${lossChange(dense)}; at 1 − S = 0.001 they ${moved(sparsest.r.representedFeatures, sparsest.c.representedFeatures)} and the loss ${lossChange(sparsest)}.`,
    `At 1 − S = 0.01 the monosemantic neurons ${moved(purer.r.monosemantic, purer.c.monosemantic)} by the 0.1 rule, and ${moved(purer.r.lowParticipation, purer.c.lowParticipation).replace(/^go /, '')} by the participation-ratio rule.`,
    ...lowerElsewhere,
  ];
}

/** The budget of the shipped sweep a figure draws, as a sentence for its caption. */
export function budgetSentence(shown: Pick<ShownSweep, 'budget' | 'drawn' | 'seed'>): string {
  if (shown.budget === 'replication') return trainingBudget(shown.drawn.file);
  const provenance = shown.drawn.file.provenance;
  const time = provenance ? `, which trained in ${provenance.wallSeconds} s on the ${provenance.backend} backend` : '';
  return `Trained to convergence, each level with its own recipe (listed in the method section): seed ${shown.seed}${time}.`;
}
