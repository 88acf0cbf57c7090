/**
 * The sweep section's sentences, computed from each budget's shipped models (sweep-summary.ts):
 * plain strings, so the tests recompute them from the files and the page binds them as text.
 */
import { formatDensity, formatLoss, formatNumber } from '../../../viz/core/format';
import type { SweepBudget } from '../../state/budget';
import { trainingBudget } from '../../shipped/provenance-text';
import type { ShownSweep } from '../../shipped/shown-sweep';
import { formatSpread, type LevelSummary, levelAt, type Spread } from '../../shipped/sweep-summary';

/** "40", or "34 (31–36)" over several seeds. */
export const fs = (spread: Spread): string => formatSpread(spread);
const lossPhrase = (ratio: number): string =>
  ratio >= 1.15
    ? `${formatNumber(ratio, 1)} times the clean solution’s`
    : ratio <= 0.87
      ? `${formatNumber(1 / ratio, 1)} times below the clean solution’s`
      : 'about the clean solution’s';

/** Who the numbers describe: "In the converged models (median and range over seeds 0, 1 and 2)". */
function whose(budget: SweepBudget, levels: readonly LevelSummary[]): string {
  const seeds = levels[0]?.seeds ?? 1;
  return budget === 'converged'
    ? `In the models trained to convergence${seeds > 1 ? ` (median and, in brackets, range over ${seeds} seeds)` : ''}`
    : 'In the models trained with the replication budget';
}

/**
 * The story of the sweep as sentences, told from one budget's shipped models: every number is read
 * off `levels`, and each claim is made only when the numbers bear it out. Empty until the paper's
 * dense, middle and sparsest levels are there.
 */
export function sweepNarrative(budget: SweepBudget, levels: readonly LevelSummary[]): string[] {
  const dense = levelAt(levels, 1);
  const mid = levelAt(levels, 0.03);
  const purer = levelAt(levels, 0.01);
  const sparsest = levelAt(levels, 0.001);
  if (!dense || !mid || !sparsest) return [];
  const m = dense.neurons;
  const pairs = Math.floor(m / 2);
  const sentences = [
    `${whose(budget, levels)}, with every feature present in every example (1 − S = 1), ${fs(dense.monosemantic)} of ${m} neurons are monosemantic and the model computes |x| for ${fs(dense.representedFeatures)} features.`,
  ];
  if (dense.representedFeatures.min === pairs && dense.monosemantic.min === m) {
    sentences.push(
      `That is the shape of the clean solution, a ± pair of neurons for each of the ${pairs} most important features: interference would cost on every example, so no neuron is shared.`,
    );
    const clean = dense.loss.median / dense.cleanRatio;
    const range =
      dense.seeds > 1 ? ` (${formatNumber(dense.loss.min / clean)}–${formatNumber(dense.loss.max / clean)} over the seeds)` : '';
    sentences.push(
      `Its eval loss is ${formatNumber(dense.cleanRatio)} times the clean solution’s${range}: the pairs are there, and the gap is in how precisely their weights and the other outputs’ biases are set.`,
    );
  } else if (dense.representedFeatures.max < pairs && dense.cleanRatio > 1.5) {
    sentences.push(
      `That is fewer than the ${pairs} that ${m} neurons serve with one pair each, and its eval loss is ${lossPhrase(dense.cleanRatio)}: within this budget the dense model has not finished training.`,
    );
  }
  const firstPoly = levels.findIndex((l) => l.polysemantic.median > 0);
  const first = levels[firstPoly];
  if (first) {
    const earlier = levels.slice(0, firstPoly).find((l) => l.polysemantic.max > 0);
    const some = earlier ? ` (a seed already has ${earlier.polysemantic.max} at 1 − S = ${formatDensity(earlier.density)})` : '';
    sentences.push(
      `The first polysemantic neurons appear at 1 − S = ${formatDensity(first.density)}${some}: ${fs(first.polysemantic)} of ${m}, with a mean polysemanticity score of ${formatSpread(first.meanPolysemanticity, (v) => formatNumber(v))}.`,
    );
  }
  const computed = mid.representedFeatures.median;
  sentences.push(
    `At 1 − S = 0.03, ${fs(mid.monosemantic)} neurons remain monosemantic and ${fs(mid.polysemantic)} read several features; the model computes ${fs(mid.representedFeatures)} features, ${computed > pairs ? 'more than' : computed === pairs ? 'as many as' : 'fewer than'} the ${pairs} that ${m} neurons could serve one pair each.`,
  );
  if (purer) {
    const apart = purer.lowParticipation.median - purer.monosemantic.median >= 5;
    sentences.push(
      `At 1 − S = 0.01, ${fs(purer.monosemantic)} ${purer.monosemantic.max === 1 ? 'neuron is' : 'neurons are'} monosemantic by the 0.1 rule and ${fs(purer.lowParticipation)} have a participation ratio under 1.5${apart ? ': most of those read one feature plus small stray weights, which make a neuron polysemantic by the 0.1 rule and which the participation ratio barely notices. How many neurons count as monosemantic depends on the rule' : ''}.`,
    );
  }
  sentences.push(
    `At 1 − S = 0.001, ${fs(sparsest.monosemantic)} of ${m} neurons are monosemantic and the model computes ${fs(sparsest.representedFeatures)} features${sparsest.representedFeatures.median > pairs ? `, more than the ${pairs} it could compute without sharing` : ''}; its ${sparsest.lossKind === 'eval' ? 'eval' : 'training-batch'} loss is ${lossPhrase(sparsest.cleanRatio)}.`,
  );
  return sentences;
}

/** "12 to 20" for a median that moved, "40 in both" for one that did not. */
function moved(from: Spread, to: Spread, format: (value: number) => string = String): string {
  return from.median === to.median ? `${format(to.median)} in both` : `from ${format(from.median)} to ${format(to.median)}`;
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
  const lossChange = (p: { c: LevelSummary; r: LevelSummary }) => String(Number((p.r.loss.median / p.c.loss.median).toPrecision(2)));
  const lowerElsewhere = converged
    .map((c) => ({ c, r: levelAt(replication, c.density) }))
    .filter((p): p is { c: LevelSummary; r: LevelSummary } => p.r !== undefined && p.r.loss.median < p.c.loss.median)
    .map(
      ({ c, r }) =>
        `At 1 − S = ${formatDensity(c.density)} the replication budget’s model has the lower eval loss (${formatLoss(r.loss.median)} against ${formatLoss(c.loss.median)}) with ${r.monosemantic.median} monosemantic neurons against ${c.monosemantic.median}: there the converged recipe ends with more monosemantic neurons but not a lower loss, so the count depends on the training as well as on the sparsity.`,
    );
  return [
    `Training to convergence changes the picture at both ends of the sweep. At 1 − S = 1 the features computed go ${moved(dense.r.representedFeatures, dense.c.representedFeatures)} and the eval loss falls ${lossChange(dense)}-fold.`,
    `At 1 − S = 0.01 the monosemantic neurons go ${moved(purer.r.monosemantic, purer.c.monosemantic)} by the 0.1 rule, but ${moved(purer.r.lowParticipation, purer.c.lowParticipation)} by the participation-ratio rule.`,
    `At 1 − S = 0.001 the features computed go ${moved(sparsest.r.representedFeatures, sparsest.c.representedFeatures)} and the eval loss falls ${lossChange(sparsest)}-fold.`,
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
