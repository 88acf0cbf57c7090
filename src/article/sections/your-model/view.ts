/**
 * What the "Your model" section draws for one instance of a model the reader loaded: the same
 * analysis, stack plot, counts, ± pairs and motif findings as the shipped models get, and the
 * eval loss against the zero model and the clean solution. Pure: the import worker calls it
 * (analysing 32 instances of 1,000 × 200 takes about a minute), the tests call it in Node. What it
 * returns is bounded whatever the model (it crosses to the main thread, which keeps all of it):
 * at most m · 66 plot segments (bounded-plot.ts) and PAIR_ROWS pairs.
 */
import { analyseModel, type FeaturePair, type ModelCounts, type MotifInstance } from '../../../model/analysis';
import { importances } from '../../../model/config';
import { evaluateLoss, evaluationExamplesFor, type LossEstimate, referenceLosses } from '../../../model/evaluation';
import type { NetworkWeights } from '../../../model/network';
import type { MotifCloseupData, StackPlotData } from '../../../viz/core/types';
import { motifCloseupData, motifHighlights, stackPlotData } from '../../figures/figure-data';
import { boundedStackPlot } from './bounded-plot';

/** Rows of the ± pairs table: the pairs a view carries, in the analysis's order. */
export const PAIR_ROWS = 40;

/** The reader's word on how the model was trained: one density per instance and the importance decay. */
export interface TrainingSettings {
  /** Feature density 1 − S per instance, in (0, 1]; null where the reader has not given one. */
  readonly densities: readonly (number | null)[];
  /** Feature i has importance importanceDecay^i, in (0, 1]. */
  readonly importanceDecay: number;
}

/** One instance, analysed. */
export interface YourInstanceView {
  /** Position of the instance in the file (its leading-axis index). */
  readonly index: number;
  /** The density the loss was evaluated at; null when none was given. */
  readonly density: number | null;
  readonly counts: ModelCounts;
  /**
   * The stack plot, motif neurons outlined, its segments bounded (boundedStackPlot); null where the
   * import worker keeps it until the instance is drawn (a model drawn one instance at a time).
   */
  readonly plot: StackPlotData | null;
  /** Features drawn inside the plot's merged segments (0 when every weight has a segment of its own). */
  readonly mergedFeatures: number;
  /** The first PAIR_ROWS features with a represented side, and the neurons carrying each side. */
  readonly pairs: readonly FeaturePair[];
  /** Features with a represented side: all of them, and those with both sides. */
  readonly pairCounts: { readonly all: number; readonly both: number };
  readonly motifs: readonly MotifInstance[];
  readonly closeups: readonly MotifCloseupData[];
  /** The expected loss at `density` (null without a density), and the two references there. */
  readonly loss: LossEstimate | null;
  readonly references: { readonly zeroModel: number; readonly clean: number } | null;
  /** The final training loss the file records, if any. */
  readonly recordedLoss: number | null;
}

/**
 * Analyses instance `index` (W1 [m][n], W2 [n][m], b [n]) under `settings`. The neuron order and
 * the loss depend on the importances; everything else on the weights alone.
 */
export function yourInstanceView(
  weights: NetworkWeights,
  index: number,
  settings: TrainingSettings,
  recordedLoss: number | null,
): YourInstanceView {
  const n = weights.W2.length;
  const m = weights.W1.length;
  const importance = importances({ n, importanceDecay: settings.importanceDecay });
  const analysis = analyseModel(weights, importance);
  const density = settings.densities[index] ?? null;
  const bounded = boundedStackPlot(stackPlotData(analysis, motifHighlights(analysis.motifs)));
  return {
    index,
    density,
    counts: analysis.counts,
    plot: bounded.plot,
    mergedFeatures: bounded.merged,
    pairs: analysis.pairs.slice(0, PAIR_ROWS),
    pairCounts: { all: analysis.pairs.length, both: analysis.pairs.filter((p) => p.representation === 'both').length },
    motifs: analysis.motifs,
    closeups: analysis.motifs.map((motif, k) => motifCloseupData(analysis.normalised, motif, k)),
    loss: density === null ? null : evaluateLoss(weights, density, importance, { examples: evaluationExamplesFor(n, m) }),
    references: density === null ? null : referenceLosses(density, importance, m),
    recordedLoss,
  };
}
